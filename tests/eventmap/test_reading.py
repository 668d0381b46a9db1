"""Article files in every encoding we promise; HTML to text; size limit; binary refused."""

from __future__ import annotations

import codecs

import pytest

import eventmap
from eventmap.errors import InputError
from eventmap.text.reading import decode_bytes, html_to_article, read_article

TEXT = "Op 18 maart ging het luchtalarm af in Kiev; Poetin’s ‘deal’ – één stap.\n"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16-le"),  # no BOM
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252", "utf16-le-no-bom"],
)
def test_encodings(tmp_path, raw):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_article(path).text == TEXT


def test_latin1_dutch_text():
    raw = (
        "Café in Zuid-Holland: ‘reünie’ op 3 maart, geïnformeerd.".replace("‘", "'")
        .replace("’", "'")
        .encode("latin-1")
    )
    assert decode_bytes(raw) == "Café in Zuid-Holland: 'reünie' op 3 maart, geïnformeerd."


def test_crlf_becomes_newline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Een.\r\nTwee.\r\n")
    assert read_article(path).text == "Een.\nTwee.\n"


def test_binary_and_missing_files_are_input_errors(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        read_article(binary)
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_size_limit_is_overridable(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    monkeypatch.setenv("EVENTMAP_MAX_BYTES", "1000")
    with pytest.raises(InputError, match="limit"):
        read_article(path)
    monkeypatch.setenv("EVENTMAP_MAX_BYTES", "5000")
    assert len(read_article(path).text) == 2000


HTML = """<!DOCTYPE html><html><head><title>Raketaanval op Kiev</title>
<meta property="article:published_time" content="2025-03-19T08:00:00+01:00">
<style>p { color: red }</style><script>var x = "op 1 januari 2020";</script></head>
<body><nav>Home | Nieuws</nav><article><h1>Raketaanval op Kiev</h1>
<p>Kort na middernacht werd Kiev gisteren getroffen door raketten &amp; drones.</p>
<p>Op 14&nbsp;maart werd een raffinaderij in Toeapse aangevallen.</p></article></body></html>"""


def test_html_is_reduced_to_paragraphs_without_scripts():
    art = html_to_article(HTML)
    assert art.published == "2025-03-19"
    paragraphs = art.text.strip().split("\n\n")
    assert paragraphs == [
        "Raketaanval op Kiev",
        "Kort na middernacht werd Kiev gisteren getroffen door raketten & drones.",
        "Op 14 maart werd een raffinaderij in Toeapse aangevallen.",
    ]
    assert "januari 2020" not in art.text and "Home" not in art.text


def test_html_file_is_parsed_with_its_publication_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    evs = eventmap.parse_file(path, lang="nl")
    dates = {e.date for e in evs}
    assert "2025-03-18" in dates  # "gisteren" from the published day 2025-03-19
    assert "2025-03-14" in dates
