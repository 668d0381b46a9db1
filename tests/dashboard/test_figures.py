"""The pure figure functions: where events land, how uncertainty looks, what hover shows."""

from __future__ import annotations

import pytest

from dashboard.figures import (
    MAX_MARKS,
    SVG_MAX_MARKS,
    combined_figure,
    date_label,
    map_figure,
    marker_size,
    place_key,
    timeline_figure,
    timeline_marks,
)
from dashboard.figures.colors import CATEGORY_COLORS

from factories import KYIV, TUAPSE, make_event, merged_tuapse, sample_events


def _by_role(fig, role):
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def _lane(fig, y):
    """The lane name of a timeline y value (lane i at y = i, plus a small offset)."""
    assert abs(y - round(y)) <= 0.3
    return fig.layout.yaxis.ticktext[round(y)]


def _points(fig):
    """event id -> (x, lane name, trace) for every timeline point."""
    out = {}
    for t in _by_role(fig, "timeline-points"):
        for x, y, i in zip(t.x, t.y, t.customdata):
            out[i] = (x, _lane(fig, y), t)
    return out


def test_day_events_are_solid_points_at_their_date_in_their_category_lane():
    events = sample_events()
    tuapse = events[0]
    x, lane, trace = _points(timeline_figure(events))[tuapse.id]
    assert (x, lane) == ("2025-03-14", "attack")
    assert trace.marker.symbol == "circle" and trace.marker.color == CATEGORY_COLORS["attack"]


def test_uncertain_events_are_translucent_bars_over_their_whole_interval():
    events = sample_events()
    month = events[3]  # protest, March 2025
    fig = timeline_figure(events)
    spans = [t for t in _by_role(fig, "timeline-spans") if t.meta["category"] == "protest"]
    assert len(spans) == 1
    assert list(spans[0].x) == ["2025-03-01", "2025-04-01", None]
    assert spans[0].opacity < 1
    x, lane, trace = _points(fig)[month.id]
    assert lane == "protest" and x.startswith("2025-03-16")  # the middle of March
    assert trace.marker.symbol == "diamond-open"


def test_undated_events_stay_off_the_timeline_and_unplaced_events_stay_on_it():
    events = sample_events()
    points = _points(timeline_figure(events))
    undated = [e for e in events if not e.date]
    unplaced = [e for e in events if not e.located and e.date]
    assert undated and unplaced
    assert all(e.id not in points for e in undated)
    assert all(e.id in points for e in unplaced)
    assert len(points) == len(events) - len(undated)


def test_lanes_by_document_use_the_document_file_names():
    fig = timeline_figure(sample_events(), lane="document")
    lanes = {_lane(fig, y) for t in _by_role(fig, "timeline-points") for y in t.y}
    assert lanes == {"a.txt", "b.txt"}
    assert set(fig.layout.yaxis.ticktext) == lanes


def test_unknown_lane_is_refused():
    with pytest.raises(ValueError, match="lane"):
        timeline_figure(sample_events(), lane="colour")


def test_hover_shows_sentence_date_expression_and_places_as_escaped_text():
    hostile = make_event(
        "<img src=x onerror=alert(1)> struck Tuapse & more on 14 March.",
        day="2025-03-14",
        date_text="on 14 March",
        category="attack",
        place=TUAPSE,
    )
    fig = timeline_figure([hostile])
    hover = _points(fig)[hostile.id][2].hovertext[0]
    assert "<img" not in hover and "&lt;img src=x onerror=alert(1)&gt;" in hover
    assert "&amp; more" in hover
    assert "on 14 March" in hover and "14 Mar 2025" in hover and "Tuapse" in hover
    map_hover = _by_role(map_figure([hostile]), "map-points")[0].hovertext[0]
    assert "<img" not in map_hover and "&lt;img" in map_hover


def test_events_at_one_place_become_one_larger_marker_with_a_count():
    events = sample_events()
    fig = map_figure(events)
    places = _by_role(fig, "map-points")
    assert len(places) == 1
    tr = places[0]
    kyiv_key = f"{KYIV[1]:.4f},{KYIV[2]:.4f}"
    i = list(tr.customdata).index(kyiv_key)
    assert tr.text[i] == "3"
    assert (tr.lat[i], tr.lon[i]) == (KYIV[1], KYIV[2])
    j = list(tr.customdata).index(f"{TUAPSE[1]:.4f},{TUAPSE[2]:.4f}")
    assert tr.text[j] == "" and tr.marker.size[i] > tr.marker.size[j]
    located = {place_key(e) for e in events if e.located}
    assert set(tr.customdata) == located  # unplaced events have no marker, nothing is lost
    assert marker_size(1) < marker_size(4) < marker_size(100) <= 44


def test_a_place_takes_the_colour_of_its_most_frequent_category():
    events = [
        make_event(
            f"Strike {i} on Kyiv.", day="2025-03-1" + str(i), category="attack", place=KYIV, start=i * 30
        )
        for i in range(2)
    ]
    events.append(make_event("Talks in Kyiv.", day="2025-03-12", category="diplomacy", place=KYIV, start=99))
    tr = _by_role(map_figure(events), "map-points")[0]
    assert list(tr.marker.color) == [CATEGORY_COLORS["attack"]]
    assert tr.text[0] == "3"


def test_map_view_is_fixed_on_the_data_and_kept_across_updates():
    fig = map_figure(sample_events())
    view = fig.layout.map
    assert view.uirevision and fig.layout.uirevision
    assert 44 <= view.center.lat <= 60 and 13 <= view.center.lon <= 40
    assert 2 < view.zoom < 6  # Berlin to Tuapse: eastern Europe, not the world, not a street
    assert map_figure([]).layout.map.zoom < 1  # no places: the whole world


def test_highlight_rings_the_event_on_both_figures():
    events = sample_events()
    tuapse = events[0]
    tl = timeline_figure(events, highlight=tuapse.id)
    ring = _by_role(tl, "timeline-highlight")[0]
    assert tl.data[0] is ring or tl.data[0].meta["role"] == "timeline-highlight"
    assert list(ring.x) == ["2025-03-14"] and _lane(tl, ring.y[0]) == "attack"
    assert ring.y[0] == _points_y(tl, tuapse.id)
    mp = map_figure(events, highlight=tuapse.id)
    ring = _by_role(mp, "map-ring")[0]
    assert (ring.lat[0], ring.lon[0]) == (TUAPSE[1], TUAPSE[2])
    assert mp.data.index(ring) < mp.data.index(_by_role(mp, "map-points")[0])  # under the place's own mark
    assert len(_by_role(timeline_figure(events), "timeline-highlight")[0].x) == 0


def _points_y(fig, event_id):
    for t in _by_role(fig, "timeline-points"):
        if event_id in list(t.customdata):
            return t.y[list(t.customdata).index(event_id)]
    return None


def test_events_with_the_same_date_and_lane_do_not_hide_each_other():
    same = [
        make_event(
            f"Talks number {i} were held in March.",
            day="2025-03-01",
            end="2025-03-31",
            precision="month",
            category="diplomacy",
            start=i * 50,
        )
        for i in range(6)
    ]
    fig = timeline_figure(same)
    ys = [y for t in _by_role(fig, "timeline-points") for y in t.y]
    assert len(set(ys)) >= 4  # spread inside the lane
    assert all(abs(y - ys[0]) < 0.6 for y in ys)  # but all in the diplomacy lane
    assert {_lane(fig, y) for y in ys} == {"diplomacy"}


def test_combined_figure_holds_timeline_and_map_and_link_columns_connect_them():
    events = sample_events()
    fig = combined_figure(events, title="seeds")
    types = {t.type for t in fig.data}
    assert "scattermap" in types and types & {"scatter", "scattergl"}
    from dashboard.clientdata import day_number, link_columns

    cols = link_columns(events)
    assert cols["id"] == [e.id for e in events]
    tuapse = cols["id"].index(events[0].id)
    assert cols["place"][tuapse] == f"{TUAPSE[1]:.4f},{TUAPSE[2]:.4f}"
    march14 = day_number(events[0].start_date)
    assert (cols["t0"][tuapse], cols["t1"][tuapse]) == (march14, march14)
    map_keys = set(_by_role(fig, "map-points")[0].customdata)
    assert {p for p in cols["place"] if p} == map_keys


@pytest.mark.parametrize(
    ("kw", "label"),
    [
        (dict(day="2025-03-14"), "14 Mar 2025"),
        (dict(day="2025-03-01", end="2025-03-31", precision="month"), "Mar 2025"),
        (dict(day="2025-01-01", end="2025-12-31", precision="year"), "2025"),
        (dict(day="2025-03-10", end="2025-03-16", precision="week"), "week 10 Mar 2025 – 16 Mar 2025"),
        (dict(day=None), "undated"),
    ],
)
def test_date_labels_read_like_a_person_wrote_them(kw, label):
    assert date_label(make_event("x", **kw)) == label


def test_big_timelines_draw_groups_sized_by_count_not_single_events():
    from factories import many_events

    events = many_events(6000, n_places=50, n_documents=5)
    fig = timeline_figure(events)  # above AGGREGATE_ABOVE: aggregated automatically
    points = _by_role(fig, "timeline-points")
    assert all(t.meta["aggregated"] for t in points)
    n_marks = sum(len(t.x) for t in points)
    assert n_marks <= MAX_MARKS  # binned by week, then month, until few enough
    # few marks: SVG, no software WebGL start-up; and the histogram lane of events per week above them
    assert {t.type for t in fig.data} == {"scatter", "bar"}
    sizes = [
        s for t in points for s in (t.marker.size if not isinstance(t.marker.size, (int, float)) else [])
    ]
    assert max(sizes) > 10  # groups of many events are drawn larger than a single one
    marks = timeline_marks(events)
    assert len(marks) == n_marks
    assert sum(m.count for m in marks) == sum(1 for e in events if e.date)  # nothing dropped
    for m in marks:  # every event lies inside its mark's interval, in its category
        assert all(
            e.category == m.category and m.start <= e.start_date and e.end_date < m.stop for e in m.events
        )
    # a few hundred events aggregated: one mark per (category, lane, interval), no binning
    few = events[:300]
    groups = {(e.category, e.date, e.date_end) for e in few if e.date}
    assert len(timeline_marks(few, aggregate=True)) == len(groups)
    small = timeline_figure(events[:50], aggregate=False)
    assert sum(len(t.x) for t in _by_role(small, "timeline-points")) == 50


def test_hover_of_aggregated_marks_is_short_and_says_how_many():
    from factories import many_events

    events = many_events(6000, n_places=50, n_documents=5)
    points = _by_role(timeline_figure(events), "timeline-points")
    hovers = [h for t in points for h in t.hovertext]
    grouped = [h for h in hovers if " events</b> · " in h]  # a mark of a single event shows the event
    assert len(grouped) > 0.7 * len(hovers) and all(len(h) < 120 for h in grouped)
    assert any("each known to the day" in h for h in hovers) and any("uncertain" in h for h in hovers)


def test_many_marks_switch_to_webgl():
    from factories import many_events

    events = many_events(SVG_MAX_MARKS + 10, n_places=20, n_documents=3)
    fig = timeline_figure(events, aggregate=False)
    assert {t.type for t in fig.data} == {"scattergl"}


# --------------------------------------------------------------------------- merged events


def test_hover_and_map_hover_of_a_merged_event_say_how_many_sources_reported_it():
    from dashboard.figures import event_hover

    merged, first, _ = merged_tuapse()
    hover = _points(timeline_figure([merged]))[merged.id][2].hovertext[0]
    assert hover == event_hover(merged) and "reported by 2 sources" in hover
    assert "<b>Tuapse</b>" not in hover and "&lt;b&gt;Tuapse&lt;/b&gt;" in hover  # escaped as ever
    assert "reported by" not in event_hover(first)  # a single report says nothing about it
    map_hover = _by_role(map_figure([merged, sample_events()[1]]), "map-points")[0].hovertext
    assert "1 event · reported by 2 sources" in map_hover[0] and "reported by" not in map_hover[1]


def test_above_a_few_thousand_events_a_histogram_lane_counts_them_by_category():
    from dashboard.figures.histogram import HISTOGRAM_ABOVE, histogram_traces

    from factories import many_events

    events = many_events(HISTOGRAM_ABOVE + 500, n_places=50)
    fig = timeline_figure(events)
    bars = _by_role(fig, "timeline-histogram")
    assert bars and {b.type for b in bars} == {"bar"} and fig.layout.barmode == "stack"
    assert {b.meta["category"] for b in bars} == {e.category for e in events}
    assert sum(sum(b.y) for b in bars) == sum(1 for e in events if e.date)  # every dated event counted once
    assert {b.meta["level"] for b in bars} == {"week"}  # two years of data: events per week
    assert all(b.yaxis == "y2" for b in bars) and fig.layout.yaxis2.domain[0] > fig.layout.yaxis.domain[1]
    assert not _by_role(timeline_figure(events[:100]), "timeline-histogram")  # few events: marks only
    # counts from a server (store mode) draw the same lane
    served = histogram_traces([{"start": "2025-03-10", "category": None, "count": 12}], "week")
    assert served[0].y == (12,) and served[0].meta["role"] == "timeline-histogram"


def test_a_single_event_gets_an_axis_of_days_and_a_clock_time_places_it_in_its_day():
    ev = make_event("Sirens at 14:30 in Kyiv.", day="2025-03-14", place=KYIV)
    ev.time = "14:30"
    fig = timeline_figure([ev])
    assert tuple(fig.layout.xaxis.range) == ("2025-03-13", "2025-03-16")  # a day either side
    assert _points(fig)[ev.id][0] == "2025-03-14 14:30"
    ev.time = "evening"
    assert _points(timeline_figure([ev]))[ev.id][0] == "2025-03-14 20:00"
    assert "14 Mar 2025 (evening)" in _points(timeline_figure([ev]))[ev.id][2].hovertext[0]
