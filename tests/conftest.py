"""Shared fixtures: paths to the bundled seed and to ../shared (gold files, benchmarks), and the
browser tests' headless Chromium (here, not in tests/browser/conftest.py: a second module named
`conftest` would hide this one from the tests that import its paths)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_12acad89de0a8875.txt"
SHARED = ROOT.parent / "shared"
DATA_DIR = ROOT / "tests" / "data"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="module")
def driver():
    """A headless Chromium that refuses every non-local host, one per test module."""
    from chromium import make_driver

    drv = make_driver(block_network=True)
    yield drv
    drv.quit()
