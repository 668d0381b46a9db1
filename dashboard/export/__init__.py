"""Exports of the figures: one self-contained HTML page (html.py) and images through kaleido (images.py).

Both draw the app's own figures (dashboard/figures) and never import the app.
"""

FIGURES = ("both", "timeline", "map")
