"""Temporal expressions in news and narratives: find them, then pin them to the calendar.

The package reads as its steps: `vocab` loads a language's date words (one JSON table per
language in dates/vocab/), `patterns` builds the regexes that find candidates from those
words, `rules_calendar` and `rules_relative` hold one rule per expression shape, `context`
the cues a rule reads around a candidate, `intervals` the calendar arithmetic, `times` the
clock times and parts of the day, and `find` the public entry point `find_dates`.

The names below load on first use, so that `eventmap.text.dates.vocab` can be imported
(by language detection) without the finder.
"""

from typing import Any

__all__ = ["MODES", "DateMention", "Reading", "as_reference", "find_dates", "read_dates"]


def __getattr__(name: str) -> Any:
    if name == "MODES":
        from eventmap.text.dates.context import MODES

        return MODES
    if name in __all__:
        from eventmap.text.dates import find

        return getattr(find, name)
    raise AttributeError(f"module 'eventmap.text.dates' has no attribute {name!r}")
