"""Where the app's static files are: the repository's assets/ folder, or dashboard/assets in a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


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
