"""A wheel of this checkout, installed in a fresh venv outside it, parses, exports and serves."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEED


def _run(cmd: list[str], cwd: Path, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(bin folder of a fresh venv holding only the wheel and its declared dependencies, work folder)."""
    base = tmp_path_factory.mktemp("wheel")
    dist, venv, work = base / "dist", base / "venv", base / "work"
    work.mkdir()
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        cwd=base,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("eventmap-*.whl")
    made = _run([sys.executable, "-m", "venv", str(venv)], cwd=base)
    assert made.returncode == 0, made.stderr
    pip = _run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], cwd=work, timeout=1200
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    return venv / "bin", work


def test_the_wheel_installs_no_events_package_and_carries_the_base_map(installed):
    bin_dir, work = installed
    probe = _run(
        [
            str(bin_dir / "python"),
            "-c",
            "import importlib.util, eventmap, dashboard.resources as r, dashboard.basemap.layers as b;"
            "print(importlib.util.find_spec('events') is None, r.topojson_dir().is_dir(),"
            " r.topojson_dir().is_relative_to(r.Path(eventmap.__file__).parent.parent),"
            " b.basemap_path() == b.DATA_DIR / 'basemap.pkl',"  # the detailed base map is in the wheel
            " b.DATA_DIR.is_relative_to(r.Path(eventmap.__file__).parent.parent))",
        ],
        cwd=work,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split() == ["True", "True", "True", "True", "True"]


def test_the_installed_command_parses_and_exports_html_and_png(installed):
    bin_dir, work = installed
    eventmap = str(bin_dir / "eventmap")
    parsed = _run([eventmap, "parse", str(SEED), "-o", "seed.json"], cwd=work)
    assert parsed.returncode == 0, parsed.stderr
    assert len(json.loads((work / "seed.json").read_text())["events"]) >= 10
    exported = _run([eventmap, "export", "seed.json", "--html", "seed.html", "--png", "seed.png"], cwd=work)
    assert exported.returncode == 0, exported.stderr
    html = (work / "seed.html").read_text(encoding="utf-8")
    # the base map is inside the page: the world, and region boundaries near the places
    assert (
        '"type": "geojson"' in html.replace('"type":"geojson"', '"type": "geojson"')
        and "detail-region_lines" in html
    )
    assert (work / "seed.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_installed_command_serves_the_dashboard_with_its_base_map(installed):
    bin_dir, work = installed
    eventmap = str(bin_dir / "eventmap")
    bare = _run([eventmap, "serve", "--no-browser"], cwd=work, timeout=60)
    assert bare.returncode != 0 and "pass an article" in bare.stderr and "Traceback" not in bare.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [eventmap, "serve", str(SEED), "--port", str(port), "--no-browser"],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    try:
        page = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and page is None:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.5)
        assert page is not None and "_dash-config" in page
        # the detailed base map's vector tiles: eastern Ukraine at zoom 6 has region boundaries and towns
        tile = urllib.request.urlopen(f"http://127.0.0.1:{port}/_eventmap/tiles/6/37/21.pbf", timeout=30)
        body = tile.read()
        assert tile.status == 200 and b"region_lines" in body and b"towns" in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
