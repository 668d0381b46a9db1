"""Events -> figures -> the Dash app and the exports (static HTML, images)."""
