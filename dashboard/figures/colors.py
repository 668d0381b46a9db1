"""One colour per event category, shared by the timeline, the map, the table and the exports.

Colours are from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); unknown categories fall back to a neutral grey so imported data still draws.
"""

from __future__ import annotations

from eventmap.model import CATEGORIES

CATEGORY_COLORS: dict[str, str] = {
    "attack": "#D55E00",
    "fighting": "#E69F00",
    "diplomacy": "#0072B2",
    "policy": "#009E73",
    "protest": "#CC79A7",
    "disaster": "#56B4E9",
    "other": "#7f7f7f",
}
FALLBACK_COLOR = "#999999"
HIGHLIGHT_COLOR = "#111111"


def category_color(category: str | None) -> str:
    """The category's colour; grey for a category this palette does not know."""
    return CATEGORY_COLORS.get(category or "other", FALLBACK_COLOR)


def category_order(categories: set[str] | list[str]) -> list[str]:
    """Known categories in their canonical order, then unknown ones alphabetically."""
    present = set(categories)
    known = [c for c in CATEGORIES if c in present]
    return known + sorted(present - set(CATEGORIES))
