"""Categories read from the events' own text, for a table that has no type column.

A hand-made list of incidents, a KML or a feed often gives a title and no type: each event's
category is then what the parser's category lexicon (eventmap.text.categories) makes of its
text, in the language the texts are written in (detected once over the first rows). The
import line says so.
"""

from __future__ import annotations

from eventmap.formats.report import ImportReport
from eventmap.model import Event

SAMPLE_ROWS = 50  # the texts the language is detected on


def guess_categories(events: list[Event], report: ImportReport) -> None:
    """Set the category of each event still 'other' from its text; say how many were set."""
    texts = [e.text for e in events if e.text]
    if not texts:
        return
    from eventmap.text.categories import classify
    from eventmap.text.language import detect_language

    lang = detect_language(" ".join(texts[:SAMPLE_ROWS]))
    guessed = 0
    for event in events:
        if event.category == "other" and event.text:
            category, _ = classify(event.text, lang)
            if category != "other":
                event.category = category
                guessed += 1
    if guessed:
        report.note(f"no type column: categories of {guessed} events read from their text ({lang})")
