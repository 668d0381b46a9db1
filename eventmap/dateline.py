"""Datelines and bylines of news copy: where and when a report was filed, not where the event happened.

A wire report opens with a dateline: ``LONDON, May 3 (Reuters) -``, ``KYIV, Ukraine (AP) —``,
``UTRECHT (ANP) -``, ``Den Haag, 22 maart -``, and in Russian wire style a place in capitals
and a date closed by a full stop, ``МОСКВА, 3 апреля. /ТАСС/.`` A web page carries bylines such as
``Published March 18, 2025`` or ``Gepubliceerd op 18 maart 2025``. Both say where and when the
report was filed, which is context for the document (its date, its ``reported_from`` place), not
the time and place of the events it reports.

This module only finds them and returns raw spans (the place as written, the date as written,
the agency); it knows no month names. The parser normalises the date with its own date words
(eventmap.text) and the geocoder resolves the place (geo). The words it does know (byline labels
per language, particles inside place names) are data: ``eventmap/data/newsforms.json``. It also
finds the lines of a web page that point elsewhere ("Lees ook: ...", "Read more: ...", "Foto:
ANP", "Advertentie"): their dates and places belong to other reports.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: A dateline opens one of the first lines of an article (after a title, a byline, a date
#: header): only lines starting within this many characters of where the search begins count.
SEARCH_CHARS = 1500
#: Without an agency or a date, a place and a dash open a report only when the rest of the
#: paragraph reads as prose (a sentence end) and is at least this long: "Trump - Putin" is a title.
BARE_REST_CHARS = 40
MAX_PLACE_CHARS = 40


@dataclass(frozen=True, slots=True)
class Dateline:
    """``text[start:end]`` is the dateline with its dash; the report's own text starts at ``end``.

    ``place`` is the first place as written (``text[place_start:place_end]``); ``region`` the
    state or country written after it ("PARIS, Texas"); ``date_text`` the date as written (or
    None); ``agency`` the news agency in brackets (or None).
    """

    start: int
    end: int
    place: str
    place_start: int
    place_end: int
    region: str | None = None
    region_start: int | None = None
    region_end: int | None = None
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline line (``text[start:end]``) with the date it gives, as written."""

    start: int
    end: int
    label: str
    date_text: str
    date_start: int
    date_end: int


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("eventmap").joinpath("data/newsforms.json").read_text(encoding="utf-8"))


_LETTERS = r"[^\W\d_]"
_WORD = rf"(?:'s-)?{_LETTERS}[\w'’.\-]*"
# A date as datelines write it, in any language: "May 3", "March 14, 2025", "Sept. 3",
# "22 maart", "7. Juli 2025", "1er mai", "2025-03-14", "14/03/2025", "14.03.".
_DATE = (
    rf"(?:{_LETTERS}{{3,12}}\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|er|\.)?\s(?:of\s)?{_LETTERS}{{3,12}}\.?(?:\s\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\.?)"
)


@lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern[str]:
    particles = "|".join(re.escape(p) for p in sorted(_data()["place_particles"], key=len, reverse=True))
    name = rf"{_WORD}(?:[ ](?:(?:{particles})[ ])*{_WORD}){{0,3}}"
    return re.compile(
        rf"""[ \t]*
        (?P<place>{name}(?:/{name}){{0,3}})  # "NEW YORK/LONDON, Sept 16 (Reuters) -": filed from both
        (?:,[ ]+(?P<region>{name}))?
        (?:,?[ ]+(?P<date>{_DATE}))?
        (?:[ ]*\((?P<agency>[^()\n]{{2,40}})\))?
        [ ]*(?P<dash>--?|–|—|:|\.(?:[ ]*/(?P<slashed>[^/\n]{{2,30}})/\.?)?)[ ]+(?=\S)""",
        re.X,
    )


def _words_ok(name: str) -> bool:
    """Every word of a place name starts with a capital, except particles ("Alphen aan den Rijn");
    several places joined by "/" ("NEW YORK/LONDON") each so."""
    if "/" in name:
        return all(part and _words_ok(part) for part in name.split("/"))
    particles = set(_data()["place_particles"])
    words = name.split(" ")
    if len(name) > MAX_PLACE_CHARS or not (words[0][:1].isupper() or words[0].startswith("'s-")):
        return False
    return all(w[:1].isupper() or w.startswith("'s-") or w.lower() in particles for w in words)


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _line_starts(text: str, start: int) -> list[int]:
    out = [start]
    limit = min(len(text), start + SEARCH_CHARS)
    i = text.find("\n", start)
    while 0 <= i < limit:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening one of the article's first lines (from ``start``), or None."""
    for line_start in _line_starts(text, start):
        m = _dateline_re().match(text, line_start)
        if m is None:
            continue
        found = _accept(text, m)
        if found is not None:
            return found
    return None


def _accept(text: str, m: re.Match[str]) -> Dateline | None:
    place, region, date, agency, dash = (m.group(g) for g in ("place", "region", "date", "agency", "dash"))
    if not _words_ok(place) or (region is not None and not _words_ok(region)):
        return None
    caps = _is_caps(place)
    if dash == ":" and not caps:
        return None  # "Kyiv: the city was shelled" is a headline, "NEW DELHI:" a dateline
    if dash.startswith("."):
        if not (caps and date):
            return None  # "MOSCOW, April 3. /TASS/." is a dateline, "Kyiv. The city ..." is not
        agency = agency or m.group("slashed")
    if agency is not None and not (agency[:1].isupper() or agency[:1].isalpha()):
        return None
    if agency is None and date is None:
        # "AMSTERDAM -" or "Den Haag - ..." with no agency and no date: only before prose
        end = text.find("\n\n", m.end())
        rest = text[m.end() : end if end >= 0 else len(text)].strip()
        prose = (
            len(rest) >= BARE_REST_CHARS and rest[:1].isupper() and re.search(r"[.!?][\"'’”)]?(\s|$)", rest)
        )
        if not prose or (not caps and len(place.split()) > 3):
            return None
    return Dateline(
        start=m.start("place"),
        end=m.end(),
        place=place,
        place_start=m.start("place"),
        place_end=m.end("place"),
        region=region,
        region_start=m.start("region") if region else None,
        region_end=m.end("region") if region else None,
        date_text=date,
        date_start=m.start("date") if date else None,
        date_end=m.end("date") if date else None,
        agency=agency.strip() if agency else None,
    )


@lru_cache(maxsize=1)
def byline_words() -> frozenset[str]:
    """Every word of the byline labels and joiners, lowercase ("updated", "bijgewerkt", "om")."""
    data = _data()
    return frozenset(
        w
        for key in ("byline_labels", "byline_joiners")
        for words in data[key].values()
        for p in words
        for w in p.split()
    )


@lru_cache(maxsize=1)
def _byline_re() -> re.Pattern[str]:
    data = _data()
    labels = sorted({w for words in data["byline_labels"].values() for w in words}, key=len, reverse=True)
    joiners = sorted({w for words in data["byline_joiners"].values() for w in words}, key=len, reverse=True)
    label = "|".join(re.escape(w) for w in labels)
    joiner = "|".join(re.escape(w) for w in joiners)
    return re.compile(
        rf"""^[ \t]*\[?[ \t]*
        (?:(?P<label>{label})\b[ \t]*(?P<sep>:[ \t]*|(?:{joiner})\b[ \t]*)?)
        (?P<date>[^\]\n]{{0,40}}?\d[^\]\n]{{0,40}}?)
        [ \t]*\]?[ \t]*$""",
        re.X | re.I | re.M,
    )


_BRACKETED = re.compile(r"^[ \t]*\[[ \t]*(?P<date>[^\]\n]{4,40}?\d[^\]\n]*?)[ \t]*\][ \t]*$", re.M)


AUTHOR_WORDS = 8  # an author line names at most this many words after its label


def is_page_chrome(line: str) -> bool:
    """A line of a web page's navigation copied with the article ("Skip to main content",
    "Menu", a section name such as "World": one word alone)."""
    words = line.strip().lower().split()
    if len(words) == 1 and words[0].isalpha():
        return True
    phrase = " ".join(words)
    return any(phrase in forms for forms in _data()["page_chrome"].values())


def is_author_line(line: str) -> bool:
    """Does a line only name the writers: "By Jane Smith", "Door Jan de Vries en Piet Smit",
    "By J. K. Doe, Reuters"? Every word after the label is capitalised, a name particle or a
    joiner; the line has no sentence end."""
    data = _data()
    words = line.strip().replace(",", " , ").split()
    low = [w.lower() for w in words]
    labels = {tuple(w.split()) for ws in data["author_labels"].values() for w in ws}
    size = next(
        (len(lab) for lab in sorted(labels, key=len, reverse=True) if tuple(low[: len(lab)]) == lab), 0
    )
    rest = words[size:]
    if not size or not rest or len(rest) > AUTHOR_WORDS or line.rstrip().endswith((".", "!", "?", ":")):
        return False
    glue = {*data["author_joiners"], *data["place_particles"], ",", "|", "/"}
    return rest[0][:1].isupper() and all(w[:1].isupper() or w.lower() in glue for w in rest)


def find_bylines(text: str, start: int = 0, before: int | None = None) -> list[Byline]:
    """Byline lines that give a date ("Published March 18, 2025", "[18 maart 2025]"), in text
    order; with `before`, only those starting before it (a byline is one line: the text is
    read up to the end of the line at `before`, not further)."""
    end = len(text)
    if before is not None and before < end:
        line_end = text.find("\n", before)
        end = line_end if line_end >= 0 else end
    out: list[Byline] = []
    for m in at_line_starts(_byline_re(), text, start, end):
        if m.group("sep") is None and not (m.group("date")[:1].isdigit() or m.group("date")[:1].isupper()):
            continue  # "Updated figures show 300 dead." is a sentence
        out.append(
            Byline(m.start(), m.end(), m.group("label"), m.group("date"), m.start("date"), m.end("date"))
        )
    taken = {b.start for b in out}
    for m in at_line_starts(_BRACKETED, text, start, end):
        if m.start() not in taken and len(m.group("date")) <= 40:
            out.append(Byline(m.start(), m.end(), "[]", m.group("date"), m.start("date"), m.end("date")))
    out = [b for b in out if before is None or b.start < before]
    return sorted(out, key=lambda b: b.start)


@lru_cache(maxsize=1)
def _aside_re() -> re.Pattern[str]:
    labels = sorted({w for words in _data()["aside_labels"].values() for w in words}, key=len, reverse=True)
    label = "|".join(re.escape(w) for w in labels)
    return re.compile(rf"^[ \t]*(?:{label})[ \t]*(?:[:|].*|\(\d+\))?[ \t]*$", re.I | re.M)


def find_asides(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of the lines that point elsewhere: a label of `aside_labels` alone or before a
    colon ("Lees ook: Opnieuw stalbrand in Overijssel (12 januari)", "Foto: ANP",
    "Advertentie"), in text order."""
    return [(m.start(), m.end()) for m in at_line_starts(_aside_re(), text, start)]


def at_line_starts(
    rx: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> list[re.Match[str]]:
    """What `rx.finditer(text, start, end)` finds, for a MULTILINE regex whose every match opens
    with "^" and stays inside its line: tried only where a line starts (re would try the "^"
    at every character)."""
    end = len(text) if end is None else min(end, len(text))
    out: list[re.Match[str]] = []
    pos = start
    if pos >= end:
        return out  # no match is empty
    if pos and text[pos - 1] != "\n":
        pos = text.find("\n", pos) + 1
        if not pos:
            return out
    while pos < end:
        m = rx.match(text, pos, end)
        if m is not None:
            out.append(m)
        pos = text.find("\n", pos if m is None else m.end()) + 1
        if not pos:
            break
    return out
