"""Read one article file into text: any common encoding, HTML reduced to its text.

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE); else strict UTF-8; else charset-normalizer
picks (CP-1252/Latin-1 news exports). Binary files and files over the size limit (5 MB,
or EVENTMAP_MAX_BYTES) are refused with an InputError, never half-read.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from eventmap.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Article:
    """The text of an article file and, from HTML metadata, its publication day if given."""

    text: str
    published: str | None = None


def max_bytes() -> int:
    raw = os.environ.get("EVENTMAP_MAX_BYTES")
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        return int(raw)
    except ValueError:
        raise InputError(f"EVENTMAP_MAX_BYTES={raw!r} is not a number of bytes") from None


def read_article(path: str | os.PathLike[str]) -> Article:
    """Text (and HTML publication date) of an article file; InputError when unreadable."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    limit = max_bytes()
    size = p.stat().st_size
    if size > limit:
        raise InputError(f"{path}: {size} bytes is over the {limit}-byte limit (set EVENTMAP_MAX_BYTES)")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode_bytes(raw, str(path))
    if p.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        return html_to_article(text)
    return Article(text)


def decode_bytes(raw: bytes, name: str = "input") -> str:
    """Decode article bytes: BOM, then UTF-8, then charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _check_text(raw.decode(encoding, errors="replace"), name)
    if b"\x00" in raw[:4096]:
        encoding = _bomless_utf16(raw[:4096])
        if encoding is None:
            raise InputError(f"{name}: looks like a binary file, not text")
        return _check_text(raw.decode(encoding, errors="replace"), name)
    try:
        return _check_text(raw.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    western = _as_western_cp1252(raw)
    if western is not None:
        return _check_text(western, name)
    from charset_normalizer import from_bytes

    # threshold 0.35 (default 0.2): a short Dutch text with two accents ("café één") is still
    # CP-1252, where the unrestricted guess below would pick e.g. mac_latin2
    best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_8"], threshold=0.35).best()
    if best is None:
        best = from_bytes(raw).best()
    if best is None:  # no confident guess (short text, a stray accent): CP-1252, binaries still refused
        return _check_text(raw.decode("cp1252", errors="replace"), name)
    return _check_text(str(best), name)


def _bomless_utf16(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (mostly-Latin UTF-16 text)."""
    if len(head) < 4:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return encoding
    return None


_CP1252_MARKS = frozenset("‘’‚“”„–—…€•«»°£§©®±·¨´¸¡¿¹²³¼½¾ªº\u00a0")


def _as_western_cp1252(raw: bytes) -> str | None:
    """CP-1252 text when it reads as Dutch/English/Western European: mostly ASCII letters, the
    rest accented letters and typographic marks. charset-normalizer doubts exactly the common
    Dutch case ("één", "geïnformeerd": accents side by side); Cyrillic in CP-1251 fails the test."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if ord(c) > 127)
    if not letters or accented > 0.5 * len(letters):
        return None
    if any(ord(c) > 127 and not c.isalpha() and c not in _CP1252_MARKS for c in text):
        return None
    return text


def _check_text(text: str, name: str) -> str:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > len(sample) // 50:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header "
    "footer blockquote figcaption title pre hr dd dt".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head nav form button iframe".split())
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "dc.date",
    "publish-date",
    "og:published_time",
    "sailthru.date",
)


class _TextExtractor(HTMLParser):
    """Collects visible text with paragraph breaks; remembers <title> and a publish date."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.published: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and self.published is None:
                m = re.match(r"\d{4}-\d{2}-\d{2}", a.get("content", ""))
                self.published = m.group(0) if m else None
        elif tag == "time" and self.published is None:
            m = re.match(r"\d{4}-\d{2}-\d{2}", dict(attrs).get("datetime") or "")
            self.published = m.group(0) if m else None
        if tag == "title":
            self._in_title = True
        elif tag == "body":
            self._skip = 0  # an unclosed <head> must not hide the article
        elif tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_article(html: str) -> Article:
    """Visible text of an HTML page: one paragraph per block, the <title> first if absent."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    paragraphs = [
        re.sub(r"[ \t\r\f\v\u00a0]+", " ", block).strip()
        for block in re.split(r"\n\s*\n", "".join(parser.parts))
    ]
    paragraphs = [p for p in paragraphs if p]
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip()
    if title and not any(title in p for p in paragraphs[:3]):
        paragraphs.insert(0, title)
    return Article("\n\n".join(paragraphs) + ("\n" if paragraphs else ""), parser.published)
