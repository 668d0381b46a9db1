"""eventmap's text side: news text -> dated events (see README "Python API")."""
from events.model import Event, EventFormatError, Place, Source

__all__ = ["Event", "EventFormatError", "Place", "Source"]
