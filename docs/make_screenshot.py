"""Take docs/screenshot.png: the dashboard on the bundled seeds, in headless Chromium.

    .venv/bin/python docs/make_screenshot.py [OUT.png]

Opens the app on seeds/, clicks the Tuapse strike (or the first dated event) on the timeline
so the detail panel shows a marked sentence, and saves a 1400x1000 screenshot.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from dashboard.app import create_app
from dashboard.server import start_in_thread
from eventmap.corpus.loading import load_paths

from chromium import make_driver

POINT_JS = """
const gd = document.getElementById('timeline').querySelector('.js-plotly-plot');
const fl = gd._fullLayout, r = gd.getBoundingClientRect();
for (const t of gd._fullData) {
  if (!t.meta || t.meta.role !== 'timeline-points') continue;
  const i = Array.from(t.customdata).indexOf(arguments[0]);
  if (i >= 0) return [r.left + fl._size.l + fl.xaxis.d2p(t.x[i]), r.top + fl._size.t + fl.yaxis.d2p(t.y[i])];
}
return null;"""


def main(out: Path) -> None:
    events = load_paths([ROOT / "seeds"])
    dated = [e for e in events if e.date]
    target = next(
        (e for e in dated if any("Tuapse" in (p.name or "") for p in e.places)), dated[0] if dated else None
    )
    server = start_in_thread(create_app(events))
    driver = make_driver(width=1400, height=1000, block_network=True)
    try:
        driver.get(server.url)
        time.sleep(6)
        if target is not None:
            from selenium.webdriver.common.action_chains import ActionChains

            pos = driver.execute_script(POINT_JS, target.id)
            if pos:
                actions = ActionChains(driver)
                actions.w3c_actions.pointer_action.move_to_location(int(pos[0]), int(pos[1]))
                actions.w3c_actions.pointer_action.click()
                actions.perform()
                time.sleep(2.5)
                ActionChains(driver).move_to_element(driver.find_element("css selector", "h1")).perform()
                time.sleep(0.5)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"wrote {out} ({len(events)} events)")
    finally:
        driver.quit()
        server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
