"""What the review panel's buttons do, as plain functions of a ReviewSource and the form's values.

Every change goes to the workspace (one transaction each, see eventmap.corpus.store_workspace)
and then the source brings what the app shows up to date. Each function returns the status
line the panel shows ("Saved: ...", "Not saved: <one line why>") and what to select next;
a bad value changes nothing. Without a workspace, or without the editing token on a server
that listens beyond this machine, the app is read-only and says so.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dashboard.review.source import ReviewSource
from eventmap.corpus.edits import (
    FIELDS,
    date_value,
    describe,
    event_from_span,
    field_value,
    suggest_places,
)
from eventmap.errors import UserError
from eventmap.model import Event

READ_ONLY = "Read-only: this app has no workspace to write to."
NEEDS_TOKEN = "Read-only: open the page with the ?token=... that eventmap serve printed at start to edit."


class Denied(UserError):
    """Editing is not allowed here (no workspace, or no token)."""


def form_values(event: Event | None) -> dict[str, Any]:
    """What the form shows for an event: date text, precision, place option value, category, texts, status."""
    if event is None:
        return {k: None for k in ("date", "precision", "place", "category", "status")} | {
            "title": "",
            "note": "",
            "actors": "",
        }
    place = field_value(event, "place")
    return {
        "date": date_text(event),
        "precision": event.date_precision if event.date else None,
        "place": json.dumps(place, sort_keys=True, ensure_ascii=False) if place else None,
        "category": event.category,
        "title": event.extra.get("title") or "",
        "note": event.extra.get("note") or "",
        "actors": event.extra.get("actors") or "",
        "status": event.review_status,
    }


def date_text(event: Event) -> str:
    """The event's date as the form's text: a day, a month, a year, or D1/D2."""
    if not event.date:
        return ""
    end = event.date_end or event.date
    whole = date_value(event.date[:7] if event.date_precision == "month" else event.date[:4])
    if event.date_precision in ("month", "year") and (whole["date"], whole["date_end"]) == (event.date, end):
        return event.date[:7] if event.date_precision == "month" else event.date[:4]
    return event.date if end == event.date else f"{event.date}/{end}"


def changes_from_form(event: Event, form: dict[str, Any]) -> dict[str, Any]:
    """The fields the form changes (only those that differ from the event); InputError for a bad value."""
    out: dict[str, Any] = {}
    if (form.get("date") or "").strip() or form.get("precision"):
        if (form.get("date") or "").strip() != date_text(event) or form.get("precision") != (
            event.date_precision if event.date else None
        ):
            wanted = date_value(form.get("date"), form.get("precision"), event)
            if wanted != field_value(event, "date"):
                out["date"] = wanted
    if form.get("place"):
        place = json.loads(form["place"])
        now = field_value(event, "place") or {}
        if (place.get("lat"), place.get("lon"), place.get("name")) != (
            now.get("lat"),
            now.get("lon"),
            now.get("name"),
        ):
            out["place"] = place
    if form.get("category") and form["category"] != event.category:
        out["category"] = form["category"]
    for key in ("title", "note", "actors"):
        new = (form.get(key) or "").strip() or None
        if new != (event.extra.get(key) or None):
            out[key] = new
    if form.get("status") and form["status"] != event.review_status:
        out["review_status"] = form["status"]
    return {f: out[f] for f in FIELDS if f in out}


def _writable(source: ReviewSource, allowed: bool) -> Any:
    if source.workspace is None:
        raise Denied(READ_ONLY)
    if not allowed:
        raise Denied(NEEDS_TOKEN)
    return source.workspace


def save_form(
    source: ReviewSource,
    event_id: str | None,
    form: dict[str, Any],
    *,
    author: str | None,
    allowed: bool = True,
) -> str:
    """Save what the form changes of the event; the status line."""
    try:
        event = source.find(event_id)
        if event is None:
            return "Choose an event first."
        changes = changes_from_form(event, form)
        if not changes:
            return "Nothing changed."
        out = _writable(source, allowed).edit(event.id, changes, author=author)
    except UserError as exc:
        return f"Not saved: {exc}"
    source.refresh(out["changed"])
    said = "; ".join(
        f"{f} {describe(f, out['before'][f])} → {describe(f, v)}" for f, v in out["after"].items()
    )
    return f"Saved (change #{out['action']}): {said}"


def set_status(
    source: ReviewSource, event_id: str | None, status: str, *, author: str | None, allowed: bool = True
) -> tuple[str, str | None]:
    """Verify or reject the event, then move on to the next unreviewed one: (status line, next id)."""
    try:
        event = source.find(event_id)
        if event is None:
            return "Choose an event first.", source.next_after(None, "unreviewed")
        out = _writable(source, allowed).edit(event.id, {"review_status": status}, author=author)
    except UserError as exc:
        return f"Not saved: {exc}", None
    source.refresh(out["changed"])
    following = source.next_after(event.id, "unreviewed")
    tail = "" if following else "; nothing left to review"
    return f"{'Accepted' if status == 'verified' else 'Rejected'} (change #{out['action']}){tail}", following


def undo_redo(
    source: ReviewSource, which: str, *, author: str | None, allowed: bool = True
) -> tuple[str, str | None]:
    """Undo or redo the last change (of anyone): (status line, the event it touched)."""
    try:
        ws = _writable(source, allowed)
        done = ws.undo(author=author) if which == "undo" else ws.redo(author=author)
    except UserError as exc:
        return f"Not done: {exc}", None
    if done is None:
        return f"Nothing to {which}.", None
    source.refresh(done["changed"])
    touched = next((eid for eid, _ in done["fields"] if source.find(eid) is not None), None)
    return f"{'Undid' if which == 'undo' else 'Redid'} change #{done['action']} ({done['kind']})", touched


def merge(
    source: ReviewSource, ids: Sequence[str], *, author: str | None, allowed: bool = True
) -> tuple[str, str | None]:
    """Merge the marked events into one: (status line, the merged event's id)."""
    try:
        out = _writable(source, allowed).merge(list(ids), author=author)
    except UserError as exc:
        return f"Not merged: {exc}", None
    source.refresh(out["changed"])
    return f"Merged {len(out['members'])} events (change #{out['action']})", out["event_id"]


def split(
    source: ReviewSource, event_id: str | None, *, author: str | None, allowed: bool = True
) -> tuple[str, str | None]:
    """Split a merge made in the workspace: (status line, its first event)."""
    try:
        out = _writable(source, allowed).split(event_id or "", author=author)
    except UserError as exc:
        return f"Not split: {exc}", None
    source.refresh(out["changed"])
    return f"Split into {len(out['members'])} events (change #{out['action']})", out["members"][0]


def add_from_selection(
    source: ReviewSource,
    event_id: str | None,
    selection: dict[str, Any] | None,
    *,
    author: str | None,
    allowed: bool = True,
) -> tuple[str, str | None]:
    """A new event from the text selected in the article view: (status line, its id)."""
    event = source.find(event_id)
    if event is None or not selection:
        return "Select some text of the article first.", None
    document = selection.get("document") or event.source.document
    try:
        text = source.document_text(document)
        if text is None:
            return "The article's text is not available.", None
        new = event_from_span(document, text, int(selection["start"]), int(selection["end"]), lang=event.lang)
        out = _writable(source, allowed).add_event(new, author=author)
    except (UserError, KeyError, TypeError, ValueError) as exc:
        return f"Not added: {exc}", None
    source.refresh(out["changed"])
    when = describe("date", field_value(new, "date")) if new.date else "no date"
    return f"Added an event (change #{out['action']}): {when}", new.id


def place_options(search: str | None, current: str | None) -> list[dict[str, str]]:
    """Suggestions for the place box as someone types, the current choice kept first."""
    from dashboard.review.panel import place_option

    options = []
    if current:
        try:
            options.append(place_option(json.loads(current)))
        except (TypeError, ValueError):
            pass
    for place in suggest_places(search or ""):
        opt = place_option(place)
        if opt and all(o and o["value"] != opt["value"] for o in options):
            options.append(opt)
    return [o for o in options if o]


def point_place(lat: float, lon: float) -> dict[str, Any]:
    """A place value for a point picked on the map."""
    lat, lon = round(float(lat), 5), round(float(lon), 5)
    return {"text": f"{lat:.5f}, {lon:.5f}", "name": None, "lat": lat, "lon": lon}
