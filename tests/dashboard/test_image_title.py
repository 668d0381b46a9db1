"""Images with a --title: the title sits above the legend, not on it (drawn by kaleido, read from the SVG)."""

from __future__ import annotations

import re

import pytest

from dashboard.export.images import build_figure, figure_image
from eventmap.formats import read_events

from conftest import DATA_DIR


@pytest.mark.parametrize("figure", ["both", "timeline"])
def test_the_title_is_drawn_above_the_legend(figure):
    events = read_events(DATA_DIR / "formats" / "acled_sample.csv")
    svg = figure_image(build_figure(events, figure, title="Political violence, March 2025"), "svg").decode()
    title = re.search(r'class="g-gtitle".*?<text[^>]*?\by="([\d.]+)"[^>]*>([^<]*)<', svg, re.S)
    legend = re.search(r'class="legend"[^>]*transform="translate\([\d.]+,\s*([\d.]+)\)"', svg)
    assert title and title.group(2) == "Political violence, March 2025"
    assert legend, "the figure has a legend"
    title_baseline, legend_top = float(title.group(1)) + 17, float(legend.group(1))  # 17 px: the title font
    assert title_baseline < legend_top, (title_baseline, legend_top)
