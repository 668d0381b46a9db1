"""Headless Chromium for the browser tests: one factory, the same flags everywhere.

Every browser test ends with `assert_clean_log(driver)`: no console errors and no request
to any host off this machine (a request to cdn.plot.ly means something is not offline).
"""

from __future__ import annotations

import json
import shutil
import time
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", ""}


def make_driver(width: int = 1400, height: int = 1000, block_network: bool = False):
    """A headless Chromium driven by Selenium; `block_network` refuses every non-local host."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not shutil.which("chromedriver") and not shutil.os.path.exists(CHROMEDRIVER):
        pytest.skip("chromium-driver is not installed (make test installs it)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
        "--enable-unsafe-swiftshader",
        f"--window-size={width},{height}",
    ):
        opts.add_argument(flag)
    if block_network:
        # Every host resolves to nowhere except the loopback: a page that reaches out fails loudly.
        opts.add_argument("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            msg = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def off_machine(urls: list[str]) -> list[str]:
    bad = []
    for u in urls:
        p = urlparse(u)
        if p.scheme in ("data", "blob", "about", "file", "chrome", "devtools"):
            continue
        if (p.hostname or "") not in LOCAL_HOSTS:
            bad.append(u)
    return bad


def assert_clean_log(driver, allow: tuple[str, ...] = ()) -> None:
    """No SEVERE console entries and no request off this machine."""
    errors = [
        e
        for e in driver.get_log("browser")
        if e.get("level") == "SEVERE" and not any(a in e.get("message", "") for a in allow)
    ]
    assert not errors, f"browser console errors: {errors}"
    bad = off_machine(requested_urls(driver))
    assert not bad, f"requests left the machine: {bad}"


def wait_for(driver, fn, timeout: float = 15.0, what: str = "condition"):
    """Poll `fn(driver)` until it returns something truthy; fail with `what` on timeout.

    Browser tests wait on what the page shows, never on fixed sleeps. An element that React
    replaced between finding and reading it (stale) is read again on the next poll.
    """
    from selenium.common.exceptions import StaleElementReferenceException

    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = fn(driver)
        except StaleElementReferenceException:
            last = None
        if last:
            return last
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what} (last value {last!r})")
