"""The edit log and the overlay of corrected events, as tables of the event store.

Nothing here changes a machine event. Every change an analyst makes is an *action* (one
command, one click: a few field edits, a new event, a merge, a split, an undo or a redo) in
``edit_actions``, with its field edits in ``edits``: event id, the event's document and
sentence (to find it again after a re-parse changed its id), field, the machine's value and
the new value as JSON. From the actions not undone, :func:`materialize` builds the
``overlay`` table: one row per corrected, added or merged event (the same columns as
``events``) and a hidden row per event merged into another. Machine rows that an overlay row
stands for are flagged ``shadowed``; readers see ``events`` (not shadowed) plus the visible
overlay rows. Undo and redo walk the log: the last action not undone is undone, the last
undone one (with no new action since) is redone, and both are logged as actions of their own.

An edit whose event is gone after a re-parse (neither its id nor its document and sentence
are found) is *orphaned*: kept in the log, listed by :func:`orphans`, and re-attached as soon
as its sentence is back. The caller (``EventStore``) runs each function in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from eventmap.corpus.edits import apply_changes, describe
from eventmap.corpus.store_schema import EVENT_SCHEMA, create_sql, events_to_table
from eventmap.errors import InputError
from eventmap.model import Event

ACTION_KINDS: tuple[str, ...] = ("edit", "add", "merge", "split", "undo", "redo")
UNDOABLE = ("edit", "add", "merge", "split")

TABLES_SQL = (
    "CREATE TABLE IF NOT EXISTS edit_actions (action BIGINT, kind VARCHAR, made_at TIMESTAMP, "
    "author VARCHAR, note VARCHAR, target BIGINT, undone BOOLEAN)",
    "CREATE TABLE IF NOT EXISTS edits (action BIGINT, seq BIGINT, event_id VARCHAR, document VARCHAR, "
    "sentence VARCHAR, field VARCHAR, machine VARCHAR, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS articles (document VARCHAR, text VARCHAR, document_date VARCHAR, "
    "added_at TIMESTAMP, author VARCHAR)",
)


OVERLAY_SQL = create_sql("overlay", EVENT_SCHEMA, extra="hidden BOOLEAN")


@dataclass(frozen=True, slots=True)
class Change:
    """One field edit of an action: the event it applies to and the field's new value."""

    event_id: str
    field: str
    value: Any
    machine: Any = None
    document: str | None = None
    sentence: str | None = None


# -- writing the log ----------------------------------------------------------------------------


def record(
    cur: duckdb.DuckDBPyConnection,
    kind: str,
    changes: Sequence[Change],
    *,
    author: str | None,
    note: str | None,
    target: int | None = None,
) -> int:
    """Append one action and its field edits to the log; returns the action's number."""
    if kind not in ACTION_KINDS:
        raise InputError(f"unknown action {kind!r}")
    action = int(cur.execute("SELECT coalesce(max(action), 0) + 1 FROM edit_actions").fetchone()[0])
    seq = int(cur.execute("SELECT coalesce(max(seq), 0) FROM edits").fetchone()[0])
    now = datetime.now().replace(microsecond=0)
    cur.execute(
        "INSERT INTO edit_actions VALUES (?, ?, ?, ?, ?, ?, false)", [action, kind, now, author, note, target]
    )
    for i, c in enumerate(changes, start=1):
        cur.execute(
            "INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [action, seq + i, c.event_id, c.document, c.sentence, c.field, _dump(c.machine), _dump(c.value)],
        )
    return action


def undo(cur: duckdb.DuckDBPyConnection, *, author: str | None) -> dict[str, Any] | None:
    """Undo the last action that is not undone; None when there is nothing to undo."""
    row = cur.execute(
        f"SELECT action, kind FROM edit_actions WHERE NOT undone AND kind IN {UNDOABLE} "
        "ORDER BY action DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    cur.execute("UPDATE edit_actions SET undone = true WHERE action = ?", [row[0]])
    record(cur, "undo", [], author=author, note=None, target=row[0])
    return {
        "action": int(row[0]),
        "kind": row[1],
        "fields": _fields_of(cur, row[0]),
        "ids": action_ids(cur, row[0]),
    }


def redo(cur: duckdb.DuckDBPyConnection, *, author: str | None) -> dict[str, Any] | None:
    """Redo the action the last undo undid, unless a new change was made since; None otherwise."""
    rows = cur.execute("SELECT kind, target FROM edit_actions ORDER BY action DESC").fetchall()
    for kind, target in rows:
        if kind in UNDOABLE:
            return None  # a new change since the last undo: nothing to redo
        if kind == "undo":
            still = cur.execute("SELECT undone, kind FROM edit_actions WHERE action = ?", [target]).fetchone()
            if still and still[0]:
                cur.execute("UPDATE edit_actions SET undone = false WHERE action = ?", [target])
                record(cur, "redo", [], author=author, note=None, target=target)
                return {
                    "action": int(target),
                    "kind": still[1],
                    "fields": _fields_of(cur, target),
                    "ids": action_ids(cur, target),
                }
    return None


def active_merge(cur: duckdb.DuckDBPyConnection, merged_id: str) -> list[str] | None:
    """The member ids of a merge made in the workspace and not split or undone; None otherwise."""
    row = cur.execute(
        "SELECT e.value FROM edits e JOIN edit_actions a USING (action) "
        "WHERE NOT a.undone AND e.field = 'merge' AND e.event_id = ? ORDER BY e.seq DESC LIMIT 1",
        [merged_id],
    ).fetchone()
    value = _load(row[0]) if row else None
    return [m["id"] for m in value["members"]] if value else None


def action_ids(cur: duckdb.DuckDBPyConnection, action: int) -> list[str]:
    """Every event id an action names: its edits' events and the events of its merges."""
    ids: set[str] = set()
    for eid, field, value in cur.execute(
        "SELECT event_id, field, value FROM edits WHERE action = ?", [action]
    ).fetchall():
        ids.add(eid)
        if field == "merge" and value is not None:
            ids |= {m["id"] for m in (_load(value) or {}).get("members") or []}
    return sorted(ids)


def _fields_of(cur: duckdb.DuckDBPyConnection, action: int) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in cur.execute("SELECT event_id, field FROM edits WHERE action = ?", [action]).fetchall()
    ]


# -- the overlay --------------------------------------------------------------------------------


@dataclass(slots=True)
class Overlay:
    """What the active edits make of the machine's events."""

    events: list[Event]  # corrected, added and merged events, visible
    hidden: list[Event]  # events merged into another one
    orphans: list[dict[str, Any]]  # edits whose event is not found


def active_edits(cur: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(seq, event_id, document, sentence, field, value) of every edit of an action not undone, in order."""
    return cur.execute(
        "SELECT e.seq, e.event_id, e.document, e.sentence, e.field, e.value, a.action, a.made_at, a.author "
        "FROM edits e JOIN edit_actions a USING (action) WHERE NOT a.undone ORDER BY e.seq"
    ).fetchall()


def machine_events(cur: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, Event]:
    """The machine's events with these ids (edits and merges not applied)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = cur.execute("SELECT id, json FROM events WHERE list_contains($ids, id)", {"ids": ids}).fetchall()
    return {i: Event.from_dict(json.loads(j)) for i, j in rows}


def _by_sentence(
    cur: duckdb.DuckDBPyConnection, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], Event]:
    """Machine events found by (document, sentence): how an edit finds its event after ids changed."""
    docs = sorted({d for d, _ in wanted if d})
    if not docs:
        return {}
    rows = cur.execute(
        "SELECT json FROM events WHERE list_contains($docs, document) "
        "AND list_contains($texts, json_extract_string(json, '$.text'))",
        {"docs": docs, "texts": sorted({s for _, s in wanted})},
    ).fetchall()
    found: dict[tuple[str, str], Event] = {}
    for (j,) in rows:
        ev = Event.from_dict(json.loads(j))
        found.setdefault((ev.source.document, ev.text), ev)  # the first of repeated sentences
    return found


def build_overlay(cur: duckdb.DuckDBPyConnection, rows: list[tuple] | None = None) -> Overlay:
    """Apply the active edits (`rows` of active_edits, default all) to the machine's events."""
    from eventmap.corpus.merge import combine

    rows = active_edits(cur) if rows is None else rows
    added: dict[str, Event | None] = {}
    merges: dict[str, list[str] | None] = {}
    refs: dict[str, tuple[str, str]] = {}  # event id -> (document, sentence) it was edited as
    for _seq, eid, doc, sent, field, value, *_ in rows:
        if field == "add":
            added[eid] = None if value is None else Event.from_dict(json.loads(value))
        elif field == "merge":
            members = (_load(value) or {}).get("members")
            merges[eid] = [m["id"] for m in members] if members else None
            for m in members or []:
                refs.setdefault(m["id"], (m.get("document") or "", m.get("sentence") or ""))
        else:
            refs[eid] = (doc or "", sent or "")
    wanted = set(refs) - set(added) - set(merges)
    machine = machine_events(cur, wanted)
    missing = {eid: refs[eid] for eid in wanted if eid not in machine and refs[eid][1]}
    found = _by_sentence(cur, set(missing.values())) if missing else {}
    alias = {eid: found[key].id for eid, key in missing.items() if key in found}
    machine.update({ev.id: ev for ev in found.values()})

    def resolve(eid: str) -> str:
        return alias.get(eid, eid)

    def known(eid: str) -> bool:
        return eid in machine or added.get(eid) is not None or eid in merges

    changes: dict[str, dict[str, Any]] = {}
    orphans: dict[str, dict[str, Any]] = {}

    def orphan(eid: str, doc: str | None, sent: str | None, edit: dict[str, Any]) -> None:
        entry = orphans.setdefault(eid, {"event_id": eid, "document": doc, "sentence": sent, "edits": []})
        entry["edits"].append(edit)

    for seq, eid, doc, sent, field, value, action, at, author in rows:
        edit = {
            "seq": seq,
            "action": action,
            "field": field,
            "value": _load(value),
            "at": at,
            "author": author,
        }
        if field == "merge":
            members = merges.get(eid) or []
            if len([m for m in members if known(resolve(m))]) < 2 and members:
                orphan(eid, doc, sent, edit)  # a merge whose reports are gone
            continue
        if field == "add":
            continue
        target = resolve(eid)
        if known(target):
            changes.setdefault(target, {})[field] = _load(value)
        else:
            orphan(eid, doc, sent, edit)

    base: dict[str, Event] = {**machine, **{k: v for k, v in added.items() if v is not None}}
    effective = {eid: apply_changes(ev, changes.get(eid, {})) for eid, ev in base.items()}
    hidden: dict[str, Event] = {}
    visible: dict[str, Event] = {}
    for mid, members in merges.items():
        parts = [effective[resolve(m)] for m in members or [] if resolve(m) in effective]
        if len(parts) < 2:
            continue
        merged = combine(parts)
        merged.id = mid
        visible[mid] = apply_changes(merged, changes.get(mid, {}))
        hidden.update({p.id: p for p in parts})
    for eid, ev in effective.items():
        if eid not in hidden and (eid in added or eid in changes):
            visible[eid] = ev
    return Overlay(list(visible.values()), list(hidden.values()), list(orphans.values()))


def focus_rows(rows: list[tuple], ids: set[str]) -> tuple[list[tuple], set[str], set[tuple[str, str]]]:
    """The active edit rows that decide the events `ids`: theirs, those of the merges tied to them
    (and of the merges' other events), and those that find them by document and sentence.

    Returns (rows, every id concerned, the (document, sentence) keys concerned).
    """
    focus = set(ids)
    merges = [(r[1], (_load(r[5]) or {}).get("members") or []) for r in rows if r[4] == "merge"]
    grown = True
    while grown:
        grown = False
        for mid, members in merges:
            tied = {mid, *(m["id"] for m in members)}
            if tied & focus and not tied <= focus:
                focus |= tied
                grown = True
    keys = {(r[2] or "", r[3] or "") for r in rows if r[1] in focus and r[4] not in ("add", "merge")}
    keys |= {
        (m.get("document") or "", m.get("sentence") or "") for mid, ms in merges if mid in focus for m in ms
    }
    chosen = [
        r
        for r in rows
        if r[1] in focus or (r[4] not in ("add", "merge") and (r[2] or "", r[3] or "") in keys)
    ]
    return chosen, focus, keys


def materialize(
    cur: duckdb.DuckDBPyConnection, focus: Iterable[str] | None = None
) -> tuple[Overlay, list[str]]:
    """Rebuild the overlay table and the shadowed flags from the log: all of it, or (`focus`) only
    the rows of these events (an edit touches a few; rebuilding thousands each time would not
    scale). Returns the overlay built and the ids whose shown state may have changed."""
    rows = active_edits(cur)
    if focus is None:
        overlay, ids, keys = build_overlay(cur, rows), None, set()
    else:
        chosen, ids, keys = focus_rows(rows, set(focus))
        overlay = build_overlay(cur, chosen)
    shown = events_to_table(overlay.events)
    gone = events_to_table(overlay.hidden)
    table = pa.concat_tables(
        [
            shown.append_column("hidden", pa.array([False] * shown.num_rows, pa.bool_())),
            gone.append_column("hidden", pa.array([True] * gone.num_rows, pa.bool_())),
        ]
    )
    new_ids = sorted(set(table.column("id").to_pylist()))
    if ids is None:
        old_ids = [r[0] for r in cur.execute("SELECT id FROM overlay").fetchall()]
    else:  # overlay rows of these events, found by id or by document and sentence
        old_ids = [
            r[0]
            for r in cur.execute(
                "SELECT id FROM overlay WHERE list_contains($ids, id) OR (list_contains($docs, document) "
                "AND list_contains($texts, json_extract_string(json, '$.text')))",
                {
                    "ids": sorted(ids | set(new_ids)),
                    "docs": sorted({d for d, _ in keys}) or [""],
                    "texts": sorted({t for _, t in keys}) or [""],
                },
            ).fetchall()
        ]
    cur.register("_overlay_rows", table)
    try:
        if ids is None:
            cur.execute("DELETE FROM overlay")
        else:
            cur.execute(
                "DELETE FROM overlay WHERE list_contains($ids, id)",
                {"ids": sorted(set(old_ids) | set(new_ids))},
            )
        cur.execute("INSERT INTO overlay SELECT * FROM _overlay_rows")
    finally:
        cur.unregister("_overlay_rows")
    if ids is None:
        cur.execute("UPDATE events SET shadowed = false WHERE shadowed")
    elif old_ids:
        cur.execute(
            "UPDATE events SET shadowed = false WHERE shadowed AND list_contains($ids, id)", {"ids": old_ids}
        )
    if new_ids:
        cur.execute("UPDATE events SET shadowed = true WHERE list_contains($ids, id)", {"ids": new_ids})
    return overlay, sorted(set(old_ids) | set(new_ids))


# -- reading the log ----------------------------------------------------------------------------


def log(cur: duckdb.DuckDBPyConnection, event_id: str | None = None) -> list[dict[str, Any]]:
    """Every action, oldest first, with its field edits (only those of `event_id` when given)."""
    actions = cur.execute(
        "SELECT action, kind, made_at, author, note, target, undone FROM edit_actions ORDER BY action"
    ).fetchall()
    edits: dict[int, list[dict[str, Any]]] = {}
    for action, eid, field, machine, value in cur.execute(
        "SELECT action, event_id, field, machine, value FROM edits ORDER BY seq"
    ).fetchall():
        if event_id is None or eid == event_id:
            edits.setdefault(action, []).append(
                {"event_id": eid, "field": field, "machine": _load(machine), "value": _load(value)}
            )
    out = []
    for action, kind, at, author, note, target, undone in actions:
        if event_id is not None and action not in edits:
            continue
        out.append(
            {
                "action": int(action),
                "kind": kind,
                "at": at.isoformat(sep=" ") if at else None,
                "author": author,
                "note": note,
                "target": None if target is None else int(target),
                "undone": bool(undone),
                "edits": edits.get(action, []),
            }
        )
    return out


def log_line(entry: dict[str, Any]) -> str:
    """One line of the log as the CLI prints it."""
    head = f"#{entry['action']} {entry['at']} {entry['author'] or '?'} {entry['kind']}"
    if entry["target"] is not None:
        head += f" #{entry['target']}"
    if entry["undone"]:
        head += " (undone)"
    parts = [f"{e['event_id']} {e['field']} = {describe(e['field'], e['value'])}" for e in entry["edits"]]
    note = f" · note: {entry['note']}" if entry["note"] else ""
    return head + (": " + "; ".join(parts) if parts else "") + note


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)
