"""eventmap's text side: news text -> dated events (see docs/parsing.md, "Python API").

parse_text, parse_file, find_dates and DateMention load on first use, so importing the
event model stays cheap for the app and the CLI.
"""

from typing import Any

from eventmap.model import Document, Event, EventFormatError, Place, Source

__all__ = [
    "Document",
    "Event",
    "EventFormatError",
    "Place",
    "Source",
    "parse_text",
    "parse_file",
    "parse_document",
    "find_dates",
    "DateMention",
]

_LAZY = {
    "parse_text": "eventmap.text.pipeline",
    "parse_file": "eventmap.text.pipeline",
    "parse_document": "eventmap.text.pipeline",
    "find_dates": "eventmap.text.dates.find",
    "DateMention": "eventmap.text.dates.find",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'eventmap' has no attribute {name!r}")
