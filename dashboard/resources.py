"""Where the app's files are: assets/ (CSS, base map) and static/ (the browser code), in a checkout or a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
STATIC = _HERE / "static"  # package data of dashboard.static (pyproject.toml)


@lru_cache(maxsize=1)
def assets_dir() -> Path:
    """The folder holding eventmap.css and topojson/ (installed as package data of dashboard)."""
    installed = _HERE / "assets"  # a wheel maps the repository's assets/ here (pyproject.toml)
    if (installed / "topojson").is_dir():
        return installed
    return _HERE.parent / "assets"  # a checkout (editable install)


def topojson_dir() -> Path:
    """Natural Earth topojson in the layout plotly.js expects (world_110m.json, world_50m.json)."""
    return assets_dir() / "topojson"


@lru_cache(maxsize=8)
def static_text(name: str) -> str:
    """A browser script of dashboard/static/ (clientside.js, window.js ...), as text."""
    path = STATIC / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the eventmap installation")
    return path.read_text(encoding="utf-8")
