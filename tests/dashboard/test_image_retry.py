"""Images survive kaleido calling its page before the page's script loaded; other failures are one line."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.export import images
from eventmap.errors import InputError


def test_a_page_that_was_not_ready_is_retried_once(monkeypatch):
    calls = []

    def to_image(fig, **kwargs):
        calls.append(kwargs["format"])
        if len(calls) == 1:
            raise RuntimeError("Error: kaleido_scopes is not defined\n  at <anonymous>")
        return b"PNG"

    monkeypatch.setattr(images.pio, "to_image", to_image)
    assert images.figure_image(go.Figure(), "png") == b"PNG"
    assert calls == ["png", "png"]


@pytest.mark.parametrize("message", ["kaleido_scopes is not defined", "Chromium crashed"])
def test_a_lasting_failure_is_one_line_naming_the_format(monkeypatch, message):
    def to_image(fig, **kwargs):
        raise RuntimeError(message + "\nmore detail")

    monkeypatch.setattr(images.pio, "to_image", to_image)
    with pytest.raises(InputError, match=rf"^cannot draw the SVG image \(kaleido/Chromium\): {message}$"):
        images.figure_image(go.Figure(), "svg")
