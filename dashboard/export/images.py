"""PNG, SVG and PDF of the timeline and map through kaleido (headless Chromium), offline.

The figures are the app's own (:mod:`dashboard.figures`): ``figure="both"`` is
``combined_figure`` (timeline above map), ``"timeline"`` and ``"map"`` the single ones.
The map's base is inside the figure (a MapLibre style with GeoJSON), so kaleido's page asks
nothing off the machine; for any geo-projection figure ``plotly.io.defaults.topojson`` points
at ``assets/topojson/`` as a file:// URL (kaleido would fetch cdn.plot.ly: "Error 525" offline).
kaleido 1.x finds /usr/bin/chromium itself (``BROWSER_PATH`` overrides).
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.export import FIGURES
from dashboard.figures import combined_figure, map_figure, timeline_figure
from dashboard.resources import topojson_dir
from eventmap.atomic import check_output_path, write_bytes
from eventmap.errors import InputError
from eventmap.model import Event

IMAGE_FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
DEFAULT_WIDTH = 1200


def build_figure(
    events: Sequence[Event], figure: str = "both", *, title: str | None = None, height: int | None = None
) -> go.Figure:
    """The app's figure for `figure` (both = timeline above map, in one figure)."""
    if figure not in FIGURES:
        raise InputError(f"--figure must be one of {', '.join(FIGURES)}, not {figure!r}")
    make = {"both": combined_figure, "timeline": timeline_figure, "map": map_figure}[figure]
    return make(list(events), title=title, height=height)


def image_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format asked for, or the one the file name ends with (jpg counts as jpeg)."""
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    name = "jpeg" if name == "jpg" else name
    if name not in IMAGE_FORMATS:
        raise InputError(
            f"{path}: unknown image format {name or '(none)'!r} (one of {', '.join(IMAGE_FORMATS)})"
        )
    return name


# kaleido's tab runs `kaleido_scopes.plotly(...)`; on a loaded machine the call can come
# before the page's script is there, and one retry draws the image.
_PAGE_NOT_READY = "kaleido_scopes is not defined"


def use_local_topojson() -> None:
    """Point kaleido's plotly.js at the bundled base maps instead of cdn.plot.ly."""
    pio.defaults.topojson = topojson_dir().resolve().as_uri() + "/"


def figure_image(
    fig: go.Figure,
    fmt: str,
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float | None = None,
) -> bytes:
    """The figure as image bytes; the default size is DEFAULT_WIDTH x the figure's own height."""
    use_local_topojson()
    h = height or fig.layout.height or 700
    for attempt in (1, 2):
        try:
            return pio.to_image(fig, format=fmt, width=width or DEFAULT_WIDTH, height=h, scale=scale or 1)
        except (RuntimeError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if attempt == 1 and _PAGE_NOT_READY in first:
                continue  # kaleido called its page before the page's script had loaded (a busy machine)
            raise InputError(f"cannot draw the {fmt.upper()} image (kaleido/Chromium): {first}") from exc
    raise AssertionError("unreachable")


def write_image(
    events: Sequence[Event],
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    figure: str = "both",
    width: int | None = None,
    height: int | None = None,
    scale: float | None = None,
    title: str | None = None,
) -> Path:
    """Draw the events' figure to `path` (PNG/SVG/PDF by extension or `fmt`), atomically."""
    kind = image_format(path, fmt)
    check_output_path(path)
    _check_size(width, height, scale)
    fig = build_figure(events, figure, title=title, height=height)
    return write_bytes(path, figure_image(fig, kind, width=width, height=height, scale=scale))


def write_images(
    events: Sequence[Event],
    paths: Sequence[str | os.PathLike[str]],
    *,
    figure: str = "both",
    width: int | None = None,
    height: int | None = None,
    scale: float | None = None,
    title: str | None = None,
) -> list[Path]:
    """Several images of one figure (e.g. PNG + SVG + PDF) with one Chromium, not one each."""
    kinds = [image_format(p) for p in paths]
    for p in paths:
        check_output_path(p)
    _check_size(width, height, scale)
    fig = build_figure(events, figure, title=title, height=height)
    with _kaleido_session(len(paths) > 1):
        images = [figure_image(fig, k, width=width, height=height, scale=scale) for k in kinds]
    return [write_bytes(p, data) for p, data in zip(paths, images)]


@contextlib.contextmanager
def _kaleido_session(needed: bool) -> Iterator[None]:
    """Keep one kaleido browser open for a batch (starting Chromium is most of an image's time)."""
    if not needed:
        yield
        return
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


def _check_size(width: int | None, height: int | None, scale: float | None) -> None:
    for name, value, top in (("width", width, 10000), ("height", height, 10000), ("scale", scale, 10)):
        if value is not None and not 0 < value <= top:
            raise InputError(f"--{name} must be between 0 and {top}, not {value}")
