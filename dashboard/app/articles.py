"""Changing the app's events: articles pasted or uploaded (parsed on the server), merges split.

Plain functions of the EventCollection and the values Dash passes; dashboard/app/callbacks.py
wires them to the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from datetime import date

from dashboard.app.collection import EventCollection
from dashboard.app.detail import originals_of
from eventmap.errors import InputError, UserError
from eventmap.model import Event

MAX_UPLOAD_BYTES = 5_000_000  # per file
MAX_UPLOAD_FILES = 20  # per click on "Add"
MAX_UPLOAD_TOTAL_BYTES = 20_000_000  # all files of one "Add" together
# Flask refuses bigger requests (413) before they are read: the uploads, base64-encoded, and room
MAX_REQUEST_BYTES = MAX_UPLOAD_TOTAL_BYTES * 4 // 3 + 1_000_000
_DOC_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def decode_upload(contents: str, filename: str) -> str:
    """The text of a dcc.Upload item ("data:...;base64,..."); InputError when it is not text."""
    try:
        _, b64 = contents.split(",", 1)
        raw = base64.b64decode(b64, validate=False)
    except (ValueError, TypeError):
        raise InputError(f"{filename}: the upload could not be read") from None
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(f"{filename}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
    from eventmap.text.reading import decode_bytes  # the CLI's rules: BOMs, UTF-16, CP-1252; binaries refused

    return decode_bytes(raw, filename)


def check_document_date(value: str | None) -> str | None:
    """'' -> None; 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real date) -> itself; else InputError."""
    text = (value or "").strip()
    if not text:
        return None
    if not _DOC_DATE.match(text):
        raise InputError(f"document date {text!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        raise InputError(f"document date {text!r} is not a real date") from None
    return text


def parse_article(text: str, *, document_date: str | None, source: str) -> list[Event]:
    """Events of one article, via the parser (imported here: it loads dictionaries)."""
    import eventmap as events_pkg

    parse_text = getattr(events_pkg, "parse_text", None)
    if parse_text is None:
        raise UserError("the article parser is not available in this installation")
    return list(parse_text(text, document_date=document_date, source=source))


def add_articles(
    collection: EventCollection,
    pasted: str | None,
    contents: Sequence[str] | None,
    filenames: Sequence[str] | None,
    document_date: str | None,
) -> tuple[int, str]:
    """Parse pasted text and uploaded files into the collection; (events added, status line)."""
    try:
        doc_date = check_document_date(document_date)
        articles: list[tuple[str, str]] = []
        if pasted and pasted.strip():
            digest = hashlib.sha1(pasted.encode("utf-8")).hexdigest()[:8]
            articles.append((f"pasted-{digest}.txt", pasted))
        if len(contents or []) > MAX_UPLOAD_FILES:
            raise InputError(f"{len(contents or [])} files chosen; at most {MAX_UPLOAD_FILES} at a time")
        if sum(len(c) * 3 // 4 for c in contents or []) > MAX_UPLOAD_TOTAL_BYTES:
            raise InputError(f"the files together are larger than {MAX_UPLOAD_TOTAL_BYTES // 1_000_000} MB")
        for content, name in zip(contents or [], filenames or []):
            articles.append((name, decode_upload(content, name)))
        if not articles:
            return 0, "Paste text or choose .txt files first."
        found: list[Event] = []
        for name, text in articles:
            events = parse_article(text, document_date=doc_date, source=name)
            if collection.save_article is not None:  # into the workspace, with its text
                collection.save_article(name, text, events, doc_date)
            found += events
    except UserError as exc:
        return 0, f"Not added: {exc}"
    added = collection.add(found)
    n_docs = len(articles)
    return added, (
        f"Added {added} event{'s' if added != 1 else ''} from {n_docs} "
        f"article{'s' if n_docs != 1 else ''}"
        + ("" if added == len(found) else f" ({len(found) - added} already there)")
        + _languages_read(found)
    )


def _languages_read(events: Sequence[Event]) -> str:
    """'; read as German' (the language was detected: the status line says what it guessed)."""
    from eventmap.text.language import language_name

    codes = sorted({e.lang for e in events if e.lang})
    return f"; read as {', '.join(language_name(c) for c in codes)}" if codes else ""


# --------------------------------------------------------------------------- splitting a merge


def split_event(collection: EventCollection, event_id: str | None) -> str | None:
    """Replace a merged event by the reports it was made of (eventmap.corpus.merge.split).

    Returns the id of the report to show next (the one the merged event was built on), or
    None when `event_id` is no merged event of the collection (nothing changes).
    """
    event = collection.find(event_id)
    originals = originals_of(event) if event is not None else []
    if len(originals) < 2 or not collection.replace(event.id, originals):  # type: ignore[union-attr]
        return None
    own = event.source  # type: ignore[union-attr]
    main = next(
        (
            e
            for e in originals
            if (e.source.document, e.source.start, e.source.end) == (own.document, own.start, own.end)
        ),
        originals[0],
    )
    return main.id if collection.find(main.id) else None
