"""Stage 1, the document: its text, where the body starts, its language, date and mode.

`prepare_document` reads what the article says about itself before any sentence is read.
The document date comes, in this order, from the caller (`--date`, an HTML page's
publication metadata), a `date YYYY-MM[-DD]` header line (eventmap/text/docdate.py), a
byline ("Published March 18, 2025", "[18 maart 2025]"), a wire dateline that writes its year
("Den Haag, 22 maart 2025 -"; eventmap/dateline.py finds them), a line at the page's head
that is only a date with its year ("April 23, 2024"), else a dateline without a year
("LONDON, May 3 (Reuters) -"), which is the last such day up to today. The
dateline also gives where the report was filed (`reported_from`, on the document, never
an event's place) and the agency; its text is not part of the first sentence's event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventmap.dateline import (
    Byline,
    Dateline,
    byline_words,
    find_asides,
    find_bylines,
    find_dateline,
    is_author_line,
    is_page_chrome,
)
from eventmap.errors import InputError
from eventmap.model import Document, Place
from eventmap.text.dates.context import MODES
from eventmap.text.docdate import DocumentDate, parse_document_date, split_header
from eventmap.text.language import resolve_language, supported_languages

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a dateline that writes its year keeps it

BYLINE_CHARS = 1500  # bylines are looked for in the article's first characters only
TITLE_CHARS = 200
TITLE_SEARCH_LINES = 8  # breadcrumbs and navigation lines looked past for the headline
_BREADCRUMB = re.compile(r"^(?:[^>›»\n]{1,40}\s[>›»]\s){1,6}[^>›»\n]{1,40}$")


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What every later stage needs to know about the article."""

    text: str
    source: str  # the document's name in Event.source.document
    body_start: int  # where the article's own text starts (after a header)
    lang: str
    date: DocumentDate | None
    date_source: str | None  # given, header, byline or dateline
    mode: str  # news, narrative or auto
    dateline: Dateline | None = None
    bylines: tuple[Byline, ...] = ()
    title: str | None = None
    asides: tuple[tuple[int, int], ...] = ()  # lines pointing elsewhere ("Lees ook: ...")

    def skipped_spans(self) -> list[tuple[int, int]]:
        """Spans whose dates and places belong to the report or to other reports, not to its events."""
        spans = [(b.start, b.end) for b in self.bylines]
        spans.extend(self.asides)
        if self.dateline is not None:
            spans.append((self.dateline.start, self.dateline.end))
        return spans


def prepare_document(
    text: str,
    *,
    document_date: str | date | None = None,
    lang: str | None = None,
    source: str | None = None,
    mode: str = "auto",
) -> DocumentContext:
    """The document's context; InputError for a bad date, language or mode."""
    if not isinstance(text, str):
        raise InputError("parse_text needs the article as a str")
    if mode not in MODES:
        raise InputError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
    header_date, body_start = split_header(text)
    given = parse_document_date(document_date) if document_date else None
    lang = resolve_language(lang, text[body_start:])
    bylines = tuple(find_bylines(text, body_start, before=body_start + BYLINE_CHARS))
    dateline = find_dateline(text, body_start)
    doc_date, date_source = (
        (given, "given") if given else (header_date, "header") if header_date else (None, None)
    )
    if doc_date is None:
        for byline in bylines:
            doc_date = date_of(byline.date_text, lang, None)
            if doc_date is not None:
                date_source = "byline"
                break
    if doc_date is None and dateline is not None and dateline.date_text and _YEAR.search(dateline.date_text):
        doc_date, date_source = date_of(dateline.date_text, lang, None), "dateline"
    if doc_date is None:
        date_line = _date_line(text, body_start, lang, dateline)
        if date_line is not None:
            doc_date, line = date_line
            date_source = "byline"
            bylines = tuple(sorted((*bylines, line), key=lambda b: b.start))
    if doc_date is None and dateline is not None and dateline.date_text:
        # "JAKARTA, July 3 (Reuters) -" names no year: a page's date line above it does
        doc_date = _dateline_date(dateline.date_text, lang, date.today())
        date_source = "dateline" if doc_date else None
    return DocumentContext(
        text=text,
        source=source if source is not None else "<text>",
        body_start=body_start,
        lang=lang,
        date=doc_date,
        date_source=date_source,
        mode=mode,
        dateline=dateline,
        bylines=bylines,
        title=_title(text, body_start, dateline, bylines),
        asides=tuple(find_asides(text, body_start)),
    )


DATE_LINE_CHARS = 100  # a line that is only a date is at most this long ...
# ... and holds at most this many other words ("14:05 BST", "Uhr"), besides byline labels and
# joiners ("om 09:12 | Bijgewerkt 14 februari 2025 om 11:40") and time zones in capitals ("GMT+7")
DATE_LINE_REST = 2
_PROSE_LINE = 120  # the date lines of a page's head stop at the first line this long
_REST_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?][\"'”’)]*\s*$")  # a word closing a sentence, not "14.03.2025."


def _date_line(
    text: str, body_start: int, lang: str, dateline: Dateline | None
) -> tuple[DocumentDate, Byline] | None:
    """A line at the head of a page that is only a date with its year ("April 23, 2024",
    "Dinsdag 23 april 2024, 14:05", "23.04.2024, 14:05 Uhr"): the publication day, a byline
    without a label. Looked for before the first line of prose only."""
    from eventmap.text.dates.find import find_dates

    pos, limit = body_start, min(len(text), body_start + BYLINE_CHARS)
    while pos < limit:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if (
            len(line.strip()) > _PROSE_LINE
            or _SENTENCE_END.search(line)
            or (dateline is not None and dateline.start < end)
        ):
            return None  # the first line of prose: "On April 6, 2004, supporters rallied."
        if 6 <= len(line.strip()) <= DATE_LINE_CHARS and _YEAR.search(line):
            found = [
                m
                for m in find_dates(line, None, lang, mode="news")
                if m.basis == "explicit" and m.precision == "day"
            ]
            if found:  # the first is the publication, a later one the update
                m = found[0]
                rest, cursor = [], 0
                for other in found:
                    rest.append(line[cursor : other.start])
                    cursor = other.end
                rest.append(line[cursor:])
                words = [
                    w
                    for w in _REST_WORD.findall(" ".join(rest))
                    if w.lower() not in byline_words() and not (w.isupper() and len(w) <= 4)
                ]
                if len(words) <= DATE_LINE_REST:
                    day = parse_document_date(m.date.isoformat())
                    return day, Byline(pos, end, "", m.text, pos + m.start, pos + m.end)
        pos = end + 1
    return None


def _dateline_date(raw: str, lang: str, today: date) -> DocumentDate | None:
    """A dateline's day; one without its year ("PARIS, March 4") is the last such day up to
    today: a report is not filed in the future."""
    found = date_of(raw, lang, today)
    if found is None or found.first <= today or _YEAR.search(raw):
        return found
    for back in (1, 4):  # 29 February: the last leap year
        value = found.value.replace(str(found.first.year), str(found.first.year - back), 1)
        try:
            return parse_document_date(value)
        except InputError:
            continue
    return found


def date_of(raw: str, lang: str, reference: date | None) -> DocumentDate | None:
    """The day (or month) a byline or dateline gives, read with the date words of the
    document's language first, then of the other languages."""
    from eventmap.text.dates.find import find_dates

    for code in (lang, *(c for c in supported_languages() if c != lang)):
        for m in find_dates(raw, reference, code, mode="news"):
            if m.basis in ("explicit", "calendar", "ahead") and m.precision in ("day", "month"):
                value = m.date.isoformat() if m.precision == "day" else m.date.isoformat()[:7]
                return parse_document_date(value)
    return None


def _title(text: str, body_start: int, dateline: Dateline | None, bylines: tuple[Byline, ...]) -> str | None:
    """The first line of the body when it reads as a headline (no closing full stop), after
    a breadcrumb line ("Home > Nieuws > Binnenland") and a web page's navigation ("Skip to
    main content", "World")."""
    start = body_start
    for _ in range(TITLE_SEARCH_LINES):
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)].strip()
        if end < 0 or not (_BREADCRUMB.search(line) or is_page_chrome(line)):
            break
        start = end + 1
    if not line or len(line) > TITLE_CHARS or line.endswith((".", "!", "?", ":", ";")):
        return None
    if dateline is not None and dateline.start < start + len(line) and dateline.end > start:
        return None
    if any(b.start <= start < b.end for b in bylines) or is_author_line(line):
        return None
    return line


def to_document(doc: DocumentContext, mode: str, reported_from: Any = None) -> Document:
    """The Document record of an article; `reported_from` is geo's dateline place, if found."""
    where = None
    if reported_from is not None:
        m = reported_from
        where = Place(m.text, m.name, m.lat, m.lon, m.country_code, m.kind, m.source_id, m.start, m.end)
    elif doc.dateline is not None:  # a place the gazetteer does not know: as written
        d = doc.dateline
        where = Place(d.place, start=d.place_start, end=d.place_end)
    return Document(
        path=doc.source,
        date=doc.date.first.isoformat() if doc.date else None,
        date_precision=doc.date.precision if doc.date else None,
        date_source=doc.date_source,
        lang=doc.lang,
        mode=mode,
        reported_from=where,
        agency=doc.dateline.agency if doc.dateline else None,
        title=doc.title,
    )
