"""The app's server-side callbacks: named functions of plain values (testable without a browser).

`register_callbacks(app, collection)` wires them (and the clientside functions of
dashboard/clientside.js) to the page of dashboard/layout.py. Each callback here takes the
EventCollection first and then the values Dash passes; none builds figures itself, that is
dashboard/figures.py's job.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.columns import ColumnCache, view_columns
from dashboard.detail import SPLIT_ROLE, detail_children, originals_of
from dashboard.figures import AGGREGATE_ABOVE, place_key, timeline_figure, timeline_lanes
from dashboard.layout import columns_token, hover_chars
from dashboard.tables import summary_text, table_rows
from dashboard.view import EventCollection, in_window, make_filter, select_events, window_from_store
from eventmap.errors import InputError, UserError
from eventmap.model import PRECISION_RANK, Event

DOWNLOAD_FORMATS = {
    "download-json": "json",
    "download-geojson": "geojson",
    "download-csv": "csv",
    "download-html": "html",
}
MAX_UPLOAD_BYTES = 5_000_000  # per file
MAX_UPLOAD_FILES = 20  # per click on "Add"
MAX_UPLOAD_TOTAL_BYTES = 20_000_000  # all files of one "Add" together
# Flask refuses bigger requests (413) before they are read: the uploads, base64-encoded, and room
MAX_REQUEST_BYTES = MAX_UPLOAD_TOTAL_BYTES * 4 // 3 + 1_000_000
_DOC_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A big (aggregated) timeline zoomed to a window narrower than this is re-drawn with the
# events of the window (plus the window's width on each side, so small pans need no redraw).
DETAIL_MAX_DAYS = 120


# --------------------------------------------------------------------------- views


def columns_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
) -> dict[str, Any]:
    """The clientside map's columns for the filtered events (the time window is applied in JS)."""
    return view_columns(collection.events, categories, documents, search)


def timeline_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    map_selection: dict[str, Any] | None,
    lane: str | None,
    selected_id: str | None = None,
    window: Sequence[Any] | None = None,
    drawn_scope: Sequence[str] | None = None,
    only_window: bool = False,
) -> Any:
    """The timeline of the events passing the filters and the map selection.

    A big view (aggregated: more than AGGREGATE_ABOVE dated events) zoomed to a `window`
    narrower than DETAIL_MAX_DAYS is drawn in detail: only the events around the window,
    grouped by exact interval (see :func:`detail_scope`). When `only_window` changed, the answer
    is ``no_update`` if `drawn_scope` (the scope the page shows, None for the whole view)
    already fits the window. The figure's ``layout.meta["scope"]`` says what it draws.
    """
    if only_window and not drawn_scope and detail_scope(window) is None:
        return no_update  # the whole view is drawn and stays (also Dash's start-up call)
    shown = select_events(
        collection.events, make_filter(categories, documents, search, map_selection=map_selection)
    )
    lane = lane or "category"
    big = sum(1 for e in shown if e.date) > AGGREGATE_ABOVE
    scope = detail_scope(window) if big else None
    if only_window and _covered(scope, drawn_scope, window):
        return no_update
    if scope is None:
        return timeline_figure(
            shown, lane=lane, highlight=selected_id, max_hover_chars=hover_chars(len(shown))
        )
    wide = window_from_store(scope)
    inside = [e for e in shown if e.date and in_window(e, wide)]  # type: ignore[arg-type]
    return timeline_figure(
        inside,
        lane=lane,
        highlight=selected_id,
        max_hover_chars=hover_chars(len(inside)),
        aggregate=True,
        lanes=timeline_lanes(shown, lane),
        scope=scope,
        x_range=(window[0], window[1]),
    )  # type: ignore[index]


def detail_scope(window: Sequence[Any] | None) -> list[str] | None:
    """[start, end] (ISO days) to draw in detail for a time window, None for the whole view."""
    win = window_from_store(window)
    if win is None or (win[1] - win[0]).total_seconds() > DETAIL_MAX_DAYS * 86400:
        return None
    pad = max(win[1] - win[0], timedelta(days=1))
    return [(win[0] - pad).date().isoformat(), (win[1] + pad).date().isoformat() + " 23:59:59"]


def _covered(scope: list[str] | None, drawn: Sequence[str] | None, window: Sequence[Any] | None) -> bool:
    """True when the drawn timeline already fits the window: both whole, or the drawn scope holds it."""
    if not drawn:
        return scope is None
    if scope is None:
        return False
    win, have = window_from_store(window), window_from_store(drawn)
    return win is not None and have is not None and have[0] <= win[0] and win[1] <= have[1]


def table_for_view(
    collection: EventCollection,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    map_selection: dict[str, Any] | None,
    window: Sequence[Any] | None,
) -> tuple[list, str]:
    """Table rows and the summary line for everything that narrows the view."""
    shown = select_events(
        collection.events, make_filter(categories, documents, search, window, map_selection)
    )
    return table_rows(shown), summary_text(shown)


# --------------------------------------------------------------------------- selection


def choose_event(
    collection: EventCollection,
    trigger: str | None,
    timeline_click: dict | None,
    map_click: dict | None,
    cell_clicked: dict | None,
    categories: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    search: str | None = None,
    window: Sequence[Any] | None = None,
) -> str | None:
    """The id of the event the user clicked: a timeline point, a table row, or a map place.

    A map place can hold many events: the most precisely dated one in view there is chosen
    (then the earliest).
    Returns None when the click names nothing the app knows.
    """
    if trigger == "timeline":
        cd = _first_customdata(timeline_click)
        return cd if collection.find(cd) else None
    if trigger == "table":
        row_id = (cell_clicked or {}).get("rowId")
        return row_id if collection.find(row_id) else None
    if trigger == "map":
        key = _first_customdata(map_click)
        view = make_filter(categories, documents, search, window)
        here = [e for e in collection.events if place_key(e) == key and view.keeps(e)]
        here.sort(
            key=lambda e: (e.date is None, PRECISION_RANK.get(e.date_precision or "day", 9), e.date or "")
        )
        return here[0].id if here else None
    return None


def describe_event(collection: EventCollection, event_id: str | None) -> tuple[list[Any], str | None]:
    """Detail panel children and the map place to ring (the timeline ring is drawn in the page)."""
    event = collection.find(event_id)
    here = 0
    if event is not None and event.located:
        key = place_key(event)
        here = sum(1 for e in collection.events if place_key(e) == key)
    return detail_children(event, events_here=here), place_key(event) if event else None


def _first_customdata(click: dict | None) -> str | None:
    points = (click or {}).get("points") or []
    if not points:
        return None
    cd = points[0].get("customdata")
    if isinstance(cd, list):
        cd = cd[0] if cd else None
    return cd if isinstance(cd, str) else None


# --------------------------------------------------------------------------- adding articles


def decode_upload(contents: str, filename: str) -> str:
    """The text of a dcc.Upload item ("data:...;base64,..."); InputError when it is not text."""
    try:
        _, b64 = contents.split(",", 1)
        raw = base64.b64decode(b64, validate=False)
    except (ValueError, TypeError):
        raise InputError(f"{filename}: the upload could not be read") from None
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InputError(f"{filename}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
    from eventmap.text.reading import decode_bytes  # the CLI's rules: BOMs, UTF-16, CP-1252; binaries refused

    return decode_bytes(raw, filename)


def check_document_date(value: str | None) -> str | None:
    """'' -> None; 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real date) -> itself; else InputError."""
    text = (value or "").strip()
    if not text:
        return None
    if not _DOC_DATE.match(text):
        raise InputError(f"document date {text!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        raise InputError(f"document date {text!r} is not a real date") from None
    return text


def parse_article(text: str, *, document_date: str | None, source: str) -> list[Event]:
    """Events of one article, via the parser (imported here: it loads dictionaries)."""
    import eventmap as events_pkg

    parse_text = getattr(events_pkg, "parse_text", None)
    if parse_text is None:
        raise UserError("the article parser is not available in this installation")
    return list(parse_text(text, document_date=document_date, source=source))


def add_articles(
    collection: EventCollection,
    pasted: str | None,
    contents: Sequence[str] | None,
    filenames: Sequence[str] | None,
    document_date: str | None,
) -> tuple[int, str]:
    """Parse pasted text and uploaded files into the collection; (events added, status line)."""
    try:
        doc_date = check_document_date(document_date)
        articles: list[tuple[str, str]] = []
        if pasted and pasted.strip():
            digest = hashlib.sha1(pasted.encode("utf-8")).hexdigest()[:8]
            articles.append((f"pasted-{digest}.txt", pasted))
        if len(contents or []) > MAX_UPLOAD_FILES:
            raise InputError(f"{len(contents or [])} files chosen; at most {MAX_UPLOAD_FILES} at a time")
        if sum(len(c) * 3 // 4 for c in contents or []) > MAX_UPLOAD_TOTAL_BYTES:
            raise InputError(f"the files together are larger than {MAX_UPLOAD_TOTAL_BYTES // 1_000_000} MB")
        for content, name in zip(contents or [], filenames or []):
            articles.append((name, decode_upload(content, name)))
        if not articles:
            return 0, "Paste text or choose .txt files first."
        found: list[Event] = []
        for name, text in articles:
            found += parse_article(text, document_date=doc_date, source=name)
    except UserError as exc:
        return 0, f"Not added: {exc}"
    added = collection.add(found)
    n_docs = len(articles)
    return added, (
        f"Added {added} event{'s' if added != 1 else ''} from {n_docs} "
        f"article{'s' if n_docs != 1 else ''}"
        + ("" if added == len(found) else f" ({len(found) - added} already there)")
    )


# --------------------------------------------------------------------------- splitting a merge


def split_event(collection: EventCollection, event_id: str | None) -> str | None:
    """Replace a merged event by the reports it was made of (eventmap.corpus.merge.split).

    Returns the id of the report to show next (the one the merged event was built on), or
    None when `event_id` is no merged event of the collection (nothing changes).
    """
    event = collection.find(event_id)
    originals = originals_of(event) if event is not None else []
    if len(originals) < 2 or not collection.replace(event.id, originals):  # type: ignore[union-attr]
        return None
    own = event.source  # type: ignore[union-attr]
    main = next(
        (
            e
            for e in originals
            if (e.source.document, e.source.start, e.source.end) == (own.document, own.start, own.end)
        ),
        originals[0],
    )
    return main.id if collection.find(main.id) else None


# --------------------------------------------------------------------------- downloads


def download_view(
    collection: EventCollection,
    fmt: str,
    categories: Sequence[str] | None,
    documents: Sequence[str] | None,
    search: str | None,
    window: Sequence[Any] | None,
    map_selection: dict[str, Any] | None,
    lane: str | None = None,
) -> dict[str, Any]:
    """The events in view as a dcc.Download payload: {"content", "filename"} (text formats)."""
    shown = select_events(
        collection.events, make_filter(categories, documents, search, window, map_selection)
    )
    if fmt == "html":
        from dashboard.export_html import render_html

        return {"content": render_html(shown, title="eventmap view"), "filename": "eventmap-view.html"}
    from eventmap.formats import write_events

    buf = io.StringIO()
    write_events(shown, fmt, buf)
    return {"content": buf.getvalue(), "filename": f"eventmap-view.{fmt}"}


# --------------------------------------------------------------------------- wiring

FILTERS = [
    Input("filter-category", "value"),
    Input("filter-document", "value"),
    Input("filter-search", "value"),
]
FILTER_STATES = [
    State("filter-category", "value"),
    State("filter-document", "value"),
    State("filter-search", "value"),
]


def register_callbacks(app: Dash, collection: EventCollection, cache: ColumnCache) -> None:
    """Attach every callback of the page to `app`, bound to `collection` (columns go to `cache`)."""
    cs = "eventmap"

    app.clientside_callback(
        ClientsideFunction(cs, "windowFromRelayout"),
        Output("time-window", "data"),
        Input("timeline", "relayoutData"),
        State("time-window", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(cs, "drawMap"),
        Output("map-drawn", "data"),
        Input("columns", "data"),
        Input("selected-place", "data"),
    )
    app.clientside_callback(
        ClientsideFunction(cs, "ringOnTimeline"),
        Output("timeline-ring", "data"),
        Input("selected-event", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(cs, "togglePlay"),
        Output("play-interval", "disabled"),
        Output("play-button", "children"),
        Input("play-button", "n_clicks"),
        State("play-interval", "disabled"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(cs, "playStep"),
        Output("play-tick", "data"),
        Input("play-interval", "n_intervals"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(cs, "resetView"),
        Output("filter-category", "value"),
        Output("filter-document", "value"),
        Output("filter-search", "value"),
        Output("map", "selectedData"),
        Output("selected-event", "data"),
        Output("play-interval", "disabled", allow_duplicate=True),
        Output("play-button", "children", allow_duplicate=True),
        Input("reset-button", "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("columns", "data"), *FILTERS, Input("data-version", "data"), prevent_initial_call=True
    )
    def _columns(categories, documents, search, _version):
        return columns_token(cache, collection, categories, documents, search)

    @app.callback(
        Output("timeline", "figure"),
        Output("timeline-scope", "data"),
        *FILTERS,
        Input("map", "selectedData"),
        Input("lane-by", "value"),
        Input("data-version", "data"),
        Input("time-window", "data"),
        State("selected-event", "data"),
        State("timeline-scope", "data"),
        prevent_initial_call=True,
    )
    def _timeline(categories, documents, search, map_selection, lane, _version, window, selected, drawn):
        # a new time window re-draws only a big timeline, and only when it leaves the drawn scope
        fig = timeline_for_view(
            collection,
            categories,
            documents,
            search,
            map_selection,
            lane,
            selected,
            window,
            drawn,
            only_window=ctx.triggered_id == "time-window",
        )
        if fig is no_update:
            return no_update, no_update
        return fig, (fig.layout.meta or {}).get("scope")

    @app.callback(
        Output("table", "rowData"),
        Output("summary", "children"),
        Output("table-window", "data"),
        *FILTERS,
        Input("map", "selectedData"),
        Input("time-window", "data"),
        Input("data-version", "data"),
        State("table-window", "data"),
        prevent_initial_call=True,
    )
    def _table(categories, documents, search, map_selection, window, _version, shown_window):
        if ctx.triggered_id == "time-window" and window == shown_window:
            return no_update, no_update, no_update  # Dash's start-up chain, not a new window
        rows, summary = table_for_view(collection, categories, documents, search, map_selection, window)
        return rows, summary, window

    @app.callback(
        Output("selected-event", "data", allow_duplicate=True),
        Input("timeline", "clickData"),
        Input("map", "clickData"),
        Input("table", "cellClicked"),
        *FILTER_STATES,
        State("time-window", "data"),
        prevent_initial_call=True,
    )
    def _choose(timeline_click, map_click, cell_clicked, categories, documents, search, window):
        chosen = choose_event(
            collection,
            ctx.triggered_id,
            timeline_click,
            map_click,
            cell_clicked,
            categories,
            documents,
            search,
            window,
        )
        return chosen if chosen is not None else no_update

    @app.callback(
        Output("detail", "children"),
        Output("selected-place", "data"),
        Input("selected-event", "data"),
        prevent_initial_call=True,
    )
    def _detail(event_id):
        return describe_event(collection, event_id)

    @app.callback(
        Output("data-version", "data"),
        Output("add-status", "children"),
        Output("filter-document", "options"),
        Output("filter-category", "options"),
        Output("paste-text", "value"),
        Input("add-button", "n_clicks"),
        State("paste-text", "value"),
        State("upload-articles", "contents"),
        State("upload-articles", "filename"),
        State("doc-date", "value"),
        prevent_initial_call=True,
    )
    def _add(_n, pasted, contents, filenames, document_date):
        added, message = add_articles(collection, pasted, contents, filenames, document_date)
        if not added:
            return no_update, message, no_update, no_update, no_update
        return collection.version, message, collection.documents(), collection.categories(), ""

    @app.callback(
        Output("data-version", "data", allow_duplicate=True),
        Output("selected-event", "data", allow_duplicate=True),
        Output("filter-document", "options", allow_duplicate=True),
        Output("filter-category", "options", allow_duplicate=True),
        Input({"role": SPLIT_ROLE, "id": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def _split(clicks):
        # the button is re-created with each detail panel: act on a real click only
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not (ctx.triggered and ctx.triggered[0].get("value")):
            return no_update, no_update, no_update, no_update
        shown = split_event(collection, trigger.get("id"))
        if shown is None:
            return no_update, no_update, no_update, no_update
        return collection.version, shown, collection.documents(), collection.categories()

    @app.callback(
        Output("download", "data"),
        Output("download-status", "children"),
        *(Input(k, "n_clicks") for k in DOWNLOAD_FORMATS),
        *FILTER_STATES,
        State("time-window", "data"),
        State("map", "selectedData"),
        State("lane-by", "value"),
        prevent_initial_call=True,
    )
    def _download(_a, _b, _c, _d, categories, documents, search, window, map_selection, lane):
        fmt = DOWNLOAD_FORMATS.get(ctx.triggered_id or "")
        if fmt is None:
            return no_update, no_update
        try:
            return download_view(
                collection, fmt, categories, documents, search, window, map_selection, lane
            ), ""
        except ImportError:
            return no_update, f"{fmt.upper()} download is not available in this installation"
        except UserError as exc:
            return no_update, f"Download failed: {exc}"
