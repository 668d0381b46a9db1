"""PNG, SVG and PDF through kaleido, offline base map included (slow: starts Chromium)."""

from __future__ import annotations

import shutil
import struct
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from dashboard.export.images import write_image
from eventmap.cli import main
from eventmap.errors import InputError

from factories import sample_events

pytestmark = pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")),
    reason="kaleido needs Chromium (make test installs it)",
)
XLINK = "{http://www.w3.org/1999/xlink}"
SVG = "{http://www.w3.org/2000/svg}"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_seed_exports_png_svg_and_pdf(tmp_path, seed_path):
    out = {k: tmp_path / f"seed.{k}" for k in ("png", "svg", "pdf")}
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(seed_path),
            "--png",
            str(out["png"]),
            "--svg",
            str(out["svg"]),
            "--pdf",
            str(out["pdf"]),
            "--width",
            "900",
            "--height",
            "700",
            "--title",
            "Seed",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert png_size(out["png"].read_bytes()) == (900, 700)
    root = ET.parse(out["svg"]).getroot()
    assert root.tag == f"{SVG}svg" and (root.get("width"), root.get("height")) == ("900", "700")
    # the map (MapLibre: base map and marks) is one embedded raster, drawn offline from the figure
    maps = [
        el for el in root.iter(f"{SVG}image") if "base64" in (el.get("href") or el.get(f"{XLINK}href") or "")
    ]
    assert maps and max(len(el.get("href") or el.get(f"{XLINK}href")) for el in maps) > 20_000
    assert any("Seed" in (el.text or "") for el in root.iter(f"{SVG}text")), "title drawn"
    pdf = out["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_map_image_with_scale_and_bad_names(tmp_path):
    path = write_image(sample_events(), tmp_path / "map.png", figure="map", width=400, height=300, scale=2)
    assert png_size(path.read_bytes()) == (800, 600)
    with pytest.raises(InputError, match="unknown image format 'gif'"):
        write_image(sample_events(), tmp_path / "map.gif")
    with pytest.raises(InputError, match="output folder"):
        write_image(sample_events(), tmp_path / "missing" / "map.png")
