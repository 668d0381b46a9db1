"""The app's callbacks: `register_callbacks` wires the page's inputs to plain functions.

The work is in dashboard/app/views.py (what each view shows) and dashboard/app/articles.py
(adding articles, splitting merges), plain functions testable without a browser; the
clientside functions are in dashboard/static/clientside.js. Nothing here builds a figure.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard.app.articles import add_articles, split_event
from dashboard.app.collection import EventCollection
from dashboard.app.detail import SPLIT_ROLE
from dashboard.app.layout import DEFERRED_OPTIONS, columns_token, events_grid, kinds_options
from dashboard.app.views import (
    DOWNLOAD_FORMATS,
    choose_event,
    describe_event,
    download_view,
    table_for_view,
    timeline_for_view,
)
from dashboard.clientdata import ClientDataCache
from eventmap.errors import UserError

FILTERS = [
    Input("filter-category", "value"),
    Input("filter-document", "value"),
    Input("filter-search", "value"),
    Input("all-kinds", "value"),
    Input("filter-actor", "value"),  # imported data: dashboard/app/imported.py
    Input("filter-sub-event", "value"),
]
FILTER_STATES = [
    State("filter-category", "value"),
    State("filter-document", "value"),
    State("filter-search", "value"),
    State("all-kinds", "value"),
    State("filter-actor", "value"),
    State("filter-sub-event", "value"),
]


def field_filter(actors, sub_types) -> dict:
    """The imported-field filters of the view (dashboard/view.py ViewFilter.fields)."""
    return {"actors": actors or [], "sub_event_type": sub_types or []}


def register_callbacks(app: Dash, collection: EventCollection, cache: ClientDataCache) -> None:
    """Attach every callback of the page to `app`, bound to `collection` (columns go to `cache`)."""
    cs = "eventmap"

    def _view_rows(categories, documents, search, kinds, actors, sub_types, map_selection, window):
        """The table's rows and summary for the filters, map box and time window in view."""
        return table_for_view(
            collection,
            categories,
            documents,
            search,
            map_selection,
            window,
            all_kinds=bool(kinds),
            fields=field_filter(actors, sub_types),
        )

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
        Input("size-by", "value"),  # markers by events or by fatalities (dashboard/app/imported.py)
    )
    app.clientside_callback(  # long filter option lists, once the views are first drawn
        ClientsideFunction(cs, "deferredOptions"),
        *(Output(i, "options", allow_duplicate=True) for i in DEFERRED_OPTIONS),
        Input("filter-options", "data"),
        *(State(i, "options") for i in DEFERRED_OPTIONS),
        prevent_initial_call="initial_duplicate",
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
        Output("play-progress-bar", "style"),
        Output("play-progress-text", "children"),
        Input("play-interval", "n_intervals"),
        State("play-width", "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(cs, "playSpeed"),
        Output("play-interval", "interval"),
        Input("play-speed", "value"),
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
        Output("filter-actor", "value"),
        Output("filter-sub-event", "value"),
        Input("reset-button", "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("columns", "data"), *FILTERS, Input("data-version", "data"), prevent_initial_call=True
    )
    def _columns(categories, documents, search, kinds, actors, sub_types, _version):
        fields = field_filter(actors, sub_types)
        return columns_token(cache, collection, categories, documents, search, bool(kinds), fields=fields)

    @app.callback(
        Output("timeline", "figure"),
        Output("timeline-scope", "data"),
        Output("timeline", "style"),
        *FILTERS,
        Input("map", "selectedData"),
        Input("lane-by", "value"),
        Input("data-version", "data"),
        Input("time-window", "data"),
        State("selected-event", "data"),
        State("timeline-scope", "data"),
        prevent_initial_call=True,
    )
    def _timeline(
        categories,
        documents,
        search,
        kinds,
        actors,
        sub_types,
        map_selection,
        lane,
        _version,
        window,
        selected,
        drawn,
    ):
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
            all_kinds=bool(kinds),
            fields=field_filter(actors, sub_types),
        )
        if fig is no_update:
            return no_update, no_update, no_update
        # the graph takes the figure's height: more lanes push the map down, fewer close the gap
        return fig, (fig.layout.meta or {}).get("scope"), {"height": f"{fig.layout.height}px"}

    @app.callback(
        Output("table-rows", "data"),
        Output("summary", "children"),
        Output("table-window", "data"),
        *FILTERS,
        Input("map", "selectedData"),
        Input("time-window", "data"),
        Input("data-version", "data"),
        State("table-window", "data"),
        State("table-scripts", "data"),
        prevent_initial_call=True,
    )
    def _table(
        categories,
        documents,
        search,
        kinds,
        actors,
        sub_types,
        map_selection,
        window,
        _version,
        shown_window,
        table_shown,
    ):
        if ctx.triggered_id == "time-window" and window == shown_window:
            return no_update, no_update, no_update  # Dash's start-up chain, not a new window
        rows, summary = _view_rows(
            categories, documents, search, kinds, actors, sub_types, map_selection, window
        )
        # the rows go to the grid only once it is shown (dashboard/app/layout.py table_section)
        return (rows if table_shown else no_update), summary, window

    app.clientside_callback(  # the grid exists only once shown: its rows come through a store
        "function (rows) { return rows; }",
        Output("table", "rowData"),
        Input("table-rows", "data"),
        prevent_initial_call=True,
    )

    app.clientside_callback(  # the grid's scripts are not in the page until it is asked for
        ClientsideFunction(cs, "loadTableScripts"),
        Output("table-scripts", "data"),
        Input("table-show", "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("table-holder", "children"),
        Output("table-show", "style"),
        Input("table-scripts", "data"),
        *FILTER_STATES,
        State("map", "selectedData"),
        State("time-window", "data"),
        prevent_initial_call=True,
    )
    def _show_table(loaded, categories, documents, search, kinds, actors, sub_types, map_selection, window):
        # the grid is drawn when asked for (its scripts loaded), with the rows of the view then
        if not loaded:
            return no_update, no_update
        rows, _summary = _view_rows(
            categories, documents, search, kinds, actors, sub_types, map_selection, window
        )
        return events_grid(rows, collection.events), {"display": "none"}

    def choose(trigger, timeline_click, map_click, cell_clicked, filters, window):
        categories, documents, search, kinds, actors, sub_types = filters
        chosen = choose_event(
            collection,
            trigger,
            timeline_click,
            map_click,
            cell_clicked,
            categories,
            documents,
            search,
            window,
            all_kinds=bool(kinds),
            fields=field_filter(actors, sub_types),
        )
        return chosen if chosen is not None else no_update

    @app.callback(
        Output("selected-event", "data", allow_duplicate=True),
        Input("timeline", "clickData"),
        Input("map", "clickData"),
        *FILTER_STATES,
        State("time-window", "data"),
        prevent_initial_call=True,
    )
    def _choose(timeline_click, map_click, *filters_and_window):
        *filters, window = filters_and_window
        return choose(ctx.triggered_id, timeline_click, map_click, None, filters, window)

    @app.callback(  # apart: the table is in the page only once shown, and a callback fires only then
        Output("selected-event", "data", allow_duplicate=True),
        Input("table", "cellClicked"),
        *FILTER_STATES,
        State("time-window", "data"),
        prevent_initial_call=True,
    )
    def _choose_row(cell_clicked, *filters_and_window):
        *filters, window = filters_and_window
        return choose("table", None, None, cell_clicked, filters, window)

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
        Output("all-kinds", "options"),
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
            return no_update, message, no_update, no_update, no_update, no_update
        return (
            collection.version,
            message,
            collection.documents(),
            collection.categories(),
            "",
            kinds_options(collection),
        )

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
    def _download(
        _a, _b, _c, _d, categories, documents, search, kinds, actors, sub_types, window, map_selection, lane
    ):
        fmt = DOWNLOAD_FORMATS.get(ctx.triggered_id or "")
        if fmt is None:
            return no_update, no_update
        try:
            fields = field_filter(actors, sub_types)
            return download_view(
                collection,
                fmt,
                categories,
                documents,
                search,
                window,
                map_selection,
                lane,
                all_kinds=bool(kinds),
                fields=fields,
            ), ""
        except ImportError:
            return no_update, f"{fmt.upper()} download is not available in this installation"
        except UserError as exc:
            return no_update, f"Download failed: {exc}"
