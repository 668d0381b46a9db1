"""The Dash app on events in memory: factory, page, callbacks, and the plain functions behind them.

``create_app(events)`` (dashboard/app/factory.py) gives a ready Dash app; the CLI serves it
with dashboard/server.py. Figures come from dashboard/figures, the shared filter from
dashboard/view.py and the browser code from dashboard/static/.
"""

from dashboard.app.factory import CLIENTDATA_URL, create_app

__all__ = ["CLIENTDATA_URL", "create_app"]
