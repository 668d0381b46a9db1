"""The review UI: check, correct and add events in the app; the same panel for the in-memory and the store app."""
