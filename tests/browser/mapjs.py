"""What the browser tests read off a MapLibre map figure: its marks, their counts, where they are on screen."""

from __future__ import annotations

# {place key: events} for every mark the page drew (points and areas), read from their hover
# ("· 3 events"), or null while the map is not drawn from the columns yet (or is mid-draw).
MARKS_JS = """
const gd = arguments[0];
if (!gd || !gd._fullData || !gd._fullLayout || !gd._fullLayout.map) return null;
const ours = gd._fullData.some(t => t.meta && t.meta.drawnBy === 'eventmap') || arguments[1];
if (!ours) return null;
const out = {};
for (const t of gd._fullData) {
  const role = t.meta && t.meta.role;
  if (role !== 'map-points' && role !== 'map-areas' && role !== 'map-density') continue;
  const keys = Array.from(t.customdata || []), hover = Array.from(t.hovertext || []);
  keys.forEach((k, i) => { const m = /(\\d[\\d,]*) events?/.exec(hover[i] || ''); out[k] = m ? Number(m[1].replace(/,/g, '')) : 1; });
}
return out;"""

# viewport pixel of a mark (by place key): MapLibre projects its lon/lat into the map's canvas
POSITION_JS = """
const gd = arguments[0], key = arguments[1];
const sub = gd._fullLayout.map._subplot, r = sub.map.getCanvas().getBoundingClientRect();
for (const t of gd._fullData) {
  const role = t.meta && t.meta.role;
  if (role !== 'map-points' && role !== 'map-area-counts' && role !== 'map-density') continue;
  const i = Array.from(t.customdata || []).indexOf(key);
  if (i < 0) continue;
  const p = sub.map.project([t.lon[i], t.lat[i]]);
  return [r.left + p.x, r.top + p.y];
}
return null;"""

GRAPH_JS = (
    "const o = document.getElementById(arguments[0]); return o ? o.querySelector('.js-plotly-plot') : null;"
)


def map_graph(driver, element_id: str = "map"):
    return driver.execute_script(GRAPH_JS, element_id)


def map_marks(driver, gd=None, any_figure: bool = False) -> dict[str, int]:
    """{place key: events} of the marks drawn on the map ({} while it is not drawn)."""
    return driver.execute_script(MARKS_JS, gd or map_graph(driver), any_figure) or {}


def mark_position(driver, key: str, gd=None) -> tuple[float, float]:
    pos = driver.execute_script(POSITION_JS, gd or map_graph(driver), key)
    assert pos, f"no mark {key} on the map"
    return tuple(pos)


SETTLED_JS = """
const gd = arguments[0], ns = window.dash_clientside && window.dash_clientside.eventmap;
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
if (!sub || !sub.map || !sub.map.loaded() || sub.map.isMoving()) return null;
return [ns ? ns.mapDraws() : 0, ns ? ns.mapBusy() : false];"""


def wait_map_settled(driver, gd=None, timeout: float = 15.0) -> None:
    """Wait until the map has loaded, is not moving, and the page has stopped redrawing it
    (the same draw count twice, a moment apart, with no redraw under way)."""
    import time

    from chromium import wait_for

    gd = gd or map_graph(driver)
    seen: list = []

    def settled(d):
        state = d.execute_script(SETTLED_JS, gd)
        if state is None or state[1]:
            seen.clear()
            return False
        seen.append(state[0])
        if len(seen) >= 3 and seen[-1] == seen[-3]:
            return True
        time.sleep(0.15)
        return False

    wait_for(driver, settled, timeout=timeout, what="the map to settle")
