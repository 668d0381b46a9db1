"""The browser tests' shared fixture: one headless Chromium per test module, network blocked."""

from __future__ import annotations

import pytest

from chromium import make_driver


@pytest.fixture(scope="module")
def driver():
    """A headless Chromium that refuses every non-local host (quit after the module)."""
    drv = make_driver(block_network=True)
    yield drv
    drv.quit()
