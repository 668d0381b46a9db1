"""Timeline and map figures as pure functions of events (the app and the exports share them).

Modules: ``labels`` (names, dates, hover text, place keys), ``colors``, ``aggregates`` (timeline
marks and map places at scale), ``timeline``, ``map``, ``combined`` (both in one figure, and the
link table). Everything public is importable from ``dashboard.figures``.

Public functions (each takes a list of :class:`eventmap.model.Event` and returns a
``plotly.graph_objects.Figure``; none touches Dash):

``timeline_figure(events, *, lane="category", highlight=None, x_range=None, height=None, title=None, max_hover_chars=220, aggregate=None, lanes=None, scope=None)``
    Time on x, one lane per category (``lane="category"``) or per document
    (``lane="document"``) on y, colour by category. The y axis is numeric: lane i sits at
    y = i (tick labels name the lanes, the first lane on top) and each event gets a small
    fixed offset inside its lane (``lane_offset(id)``) so events with the same date stay
    visible. Exact days are solid markers; events whose date is uncertain (precision week/month/year, or a range of days) are translucent
    bars from the first to the day after the last possible day, with a hollow marker at the
    middle of the bar for hovering and clicking. Undated events are left out (they stay in the
    table). ``x_range`` = (start, end) ISO dates sets the initial view. ``aggregate`` (default:
    automatic above AGGREGATE_ABOVE dated events) draws one mark per (category, lane, interval)
    sized by its count instead of one per event, binned by week or month when that gives more
    than MAX_MARKS marks (:func:`timeline_marks`). ``lanes`` fixes the lane order; ``scope``
    records (in ``layout.meta``) that only the events of a time window are drawn.
``map_figure(events, *, highlight=None, view=None, height=None, title=None, resolution=110)``
    One marker per place (events without coordinates are left out), size ~ sqrt(count), the
    count printed on markers holding more than one event (when there are at most
    MAX_LABELLED_PLACES places), coloured by the place's most frequent category. Base map: plotly geo (land, coasts, borders) from topojson, which the caller
    serves offline (``config={"topojsonURL": ...}`` in Dash, ``window.PlotlyGeoAssets`` in a
    static page). ``view`` = {"center": {"lat", "lon"}, "scale": s} pins the view; by default
    it is fitted to the places once (never auto-refitted, so filtering does not jump).
``combined_figure(events, **opts)``
    The timeline above the map in one figure (subplot xy + geo); accepts the options of both.

``highlight`` is an event id: that event gets a black ring on the timeline and its place a
black ring on the map. The ring traces always exist (empty without a highlight): trace 0 of
the timeline figure, trace 1 of the map figure, so a page can move them without re-drawing.

Trace conventions (static HTML linking and the Dash clientside code rely on them). Every
trace carries ``meta={"role": ROLE, ...}``:

Timeline traces are ``scatter`` (SVG) up to SVG_MAX_MARKS marks and ``scattergl`` above.

* ``"timeline-points"`` (one per category and kind, ``meta["category"]``): one point per
  dated event; ``customdata[i]`` is the event id. Day events sit at their date; uncertain
  events at the middle of their interval (hollow symbol). When aggregated
  (``meta["aggregated"]``) a point stands for all events of its category, lane and interval
  (or week/month bin) and carries the first one's id.
* ``"timeline-spans"`` (lines, one per category): three vertices per uncertain
  event (start, end, gap=None); ``customdata`` holds the event id on both ends; no hover.
* ``"timeline-highlight"`` / ``"map-highlight"``: the ring(s) of the highlighted event.
* ``"map-places"`` (scattergeo, exactly one): one point per place; ``customdata[i]`` is the
  place key (``place_key(event)``, "lat,lon" rounded to 4 decimals); ``text[i]`` the count
  ("" for a single event or when the places are too many to label).

:func:`dashboard.clientdata.link_columns` gives the columns (id, place key, first and last
possible day, category, lane) that connect the two in a page; dashboard/static/window.js
decides which events are in a time window.
"""

from dashboard.figures.aggregates import (
    AGGREGATE_ABOVE,
    MAX_MARKS,
    PlacePoint,
    TimelineMark,
    aggregate_places,
    timeline_marks,
)
from dashboard.figures.colors import CATEGORY_COLORS, category_color, category_order
from dashboard.figures.combined import combined_figure
from dashboard.figures.labels import (
    LANES,
    date_label,
    document_name,
    document_names,
    escape,
    event_hover,
    find_event,
    interval,
    is_document_placed,
    is_uncertain,
    lane_of,
    place_key,
    place_name,
    place_precision,
    places_label,
    reported_by,
    time_label,
    when_label,
    wrap,
)
from dashboard.figures.map import (
    MAP_UIREVISION,
    MAX_LABELLED_PLACES,
    MAX_POINTS,
    cell_key,
    default_view,
    density_trace,
    geo_layout,
    map_figure,
    map_layout,
    map_traces,
    map_view,
    marker_size,
    place_hover,
    places_bbox,
)
from dashboard.figures.timeline import (
    SVG_MAX_MARKS,
    TIMELINE_UIREVISION,
    group_hover,
    lane_axis,
    lane_margin,
    lane_offset,
    timeline_figure,
    timeline_highlight,
    timeline_lanes,
    timeline_traces,
)

__all__ = [
    "AGGREGATE_ABOVE",
    "CATEGORY_COLORS",
    "LANES",
    "MAP_UIREVISION",
    "MAX_LABELLED_PLACES",
    "MAX_MARKS",
    "SVG_MAX_MARKS",
    "TIMELINE_UIREVISION",
    "PlacePoint",
    "TimelineMark",
    "aggregate_places",
    "category_color",
    "category_order",
    "combined_figure",
    "date_label",
    "default_view",
    "document_name",
    "document_names",
    "escape",
    "event_hover",
    "find_event",
    "geo_layout",
    "group_hover",
    "interval",
    "is_uncertain",
    "lane_axis",
    "lane_margin",
    "lane_of",
    "lane_offset",
    "map_figure",
    "MAX_POINTS",
    "cell_key",
    "density_trace",
    "map_layout",
    "map_view",
    "places_bbox",
    "map_traces",
    "marker_size",
    "place_hover",
    "place_key",
    "place_name",
    "is_document_placed",
    "place_precision",
    "places_label",
    "time_label",
    "when_label",
    "reported_by",
    "timeline_figure",
    "timeline_highlight",
    "timeline_lanes",
    "timeline_marks",
    "timeline_traces",
    "wrap",
]
