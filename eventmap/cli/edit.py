"""`eventmap edit STORE EVENT_ID --date/--place/--category/--status/...`: correct an event in a workspace.

The change goes into the store's edit log (an overlay: the parser's event is kept) and is
applied wherever the store is read: `serve`, `export`, a later `parse --store --reparse`.
A bad edit (unknown id, impossible date, unknown place) is one line on stderr, exit 1, and
changes nothing. `--undo`/`--redo` walk the log; `--log` prints it; `--orphaned` lists edits
whose sentence a re-parse did not find again.
"""

from __future__ import annotations

from pathlib import Path

import click

from eventmap.errors import InputError

STATUSES = ("unreviewed", "verified", "rejected")
PRECISIONS = ("day", "week", "month", "year")


@click.command()
@click.argument("store", type=click.Path(path_type=Path))
@click.argument("event_id", required=False)
@click.option(
    "--date", "date_text", metavar="D|D1/D2", help="New date: YYYY-MM-DD, YYYY-MM, YYYY or a range D1/D2."
)
@click.option("--precision", type=click.Choice(PRECISIONS), help="Date precision (widens --date to it).")
@click.option(
    "--place", metavar="NAME|LAT,LON", help="New place: a name in the offline gazetteer, or LAT,LON."
)
@click.option(
    "--category", help="New category (attack, fighting, diplomacy, policy, protest, disaster, other)."
)
@click.option(
    "--status", type=click.Choice(STATUSES), help="Review status; rejected events are kept, hidden."
)
@click.option("--title", help="A title for the event (empty text removes it).")
@click.option("--actors", help="Who took part, as free text (empty text removes it).")
@click.option("--note", help="The analyst's note on the event; also recorded with this change in the log.")
@click.option("--author", help="Who makes the change (default: the OS user).")
@click.option(
    "--merge-with", "merge_with", multiple=True, metavar="EVENT_ID", help="Merge EVENT_ID with these events."
)
@click.option("--split", is_flag=True, help="Split a merge made in this workspace into its events again.")
@click.option("--undo", is_flag=True, help="Undo the last change (of anyone) in this workspace.")
@click.option("--redo", is_flag=True, help="Redo the change the last --undo took back.")
@click.option("--log", "show_log", is_flag=True, help="Print the edit log (of EVENT_ID when given).")
@click.option("--orphaned", is_flag=True, help="List edits whose sentence is gone after a re-parse.")
def edit(
    store: Path,
    event_id: str | None,
    date_text: str | None,
    precision: str | None,
    place: str | None,
    category: str | None,
    status: str | None,
    title: str | None,
    actors: str | None,
    note: str | None,
    author: str | None,
    merge_with: tuple[str, ...],
    split: bool,
    undo: bool,
    redo: bool,
    show_log: bool,
    orphaned: bool,
) -> None:
    """Correct an event of the workspace STORE (a .duckdb file made by `eventmap parse --store`).

    \b
    eventmap edit news.duckdb 3f2a9c --date 2025-03-14 --place Kharkiv --status verified
    eventmap edit news.duckdb 3f2a9c --date 2025-03/2025-04 --precision month --note "per AP"
    eventmap edit news.duckdb --undo
    eventmap edit news.duckdb --log
    """
    from eventmap.corpus.edits import FIELDS, date_value, describe, place_value
    from eventmap.corpus.store import EventStore, is_store
    from eventmap.corpus.store_edits import log_line
    from eventmap.corpus.store_workspace import default_author

    if not is_store(store) or store.is_dir():
        raise InputError(f"{store}: no such workspace (make one with eventmap parse ... --store {store})")
    values = {
        k: v
        for k, v in (("category", category), ("review_status", status), ("title", title), ("actors", actors))
        if v is not None
    }
    if note is not None:
        values["note"] = note
    changes_given = bool(values or date_text or precision or place)
    modes = [
        name
        for name, on in (
            ("--undo", undo),
            ("--redo", redo),
            ("--log", show_log),
            ("--orphaned", orphaned),
            ("--split", split),
            ("--merge-with", bool(merge_with)),
        )
        if on
    ]
    if len(modes) > 1:
        raise click.UsageError(f"{modes[0]} and {modes[1]} cannot be combined")
    mode = modes[0] if modes else None
    if (
        mode is not None
        and changes_given
        and not (mode in ("--split", "--merge-with") and set(values) == {"note"})
    ):
        raise click.UsageError(f"{mode} cannot be combined with changes to the event")
    if mode in (None, "--split", "--merge-with") and not event_id:
        raise click.UsageError(
            f"give an EVENT_ID{' for ' + mode if mode else ' to edit, or --undo, --redo, --log or --orphaned'}"
        )
    who = author or default_author()

    if show_log or orphaned:
        with EventStore(store, read_only=True) as ws:
            if orphaned:
                for o in ws.orphaned_edits():
                    fields = ", ".join(
                        f"{e['field']} = {describe(e['field'], e['value'])}" for e in o["edits"]
                    )
                    click.echo(f"{o['event_id']} ({o['document']}): “{o['sentence']}”: {fields}")
                return
            for entry in ws.edit_log(event_id):
                click.echo(log_line(entry))
        return
    with EventStore(store) as ws:
        if undo or redo:
            done = ws.undo(author=who) if undo else ws.redo(author=who)
            if done is None:
                raise InputError(f"nothing to {'undo' if undo else 'redo'} in {store}")
            click.echo(f"eventmap: {'undid' if undo else 'redid'} change #{done['action']} ({done['kind']})")
            return
        if merge_with:
            out = ws.merge([event_id, *merge_with], author=who, note=note)  # type: ignore[list-item]
            click.echo(f"eventmap: merged {len(out['members'])} events into {out['event_id']}")
            return
        if split:
            out = ws.split(event_id, author=who, note=note)  # type: ignore[arg-type]
            click.echo(f"eventmap: split {event_id} into {', '.join(out['members'])}")
            return
        if date_text or precision:
            current = ws.shown_event(event_id)  # type: ignore[arg-type]
            values["date"] = date_value(date_text, precision, current)
        if place:
            values["place"] = place_value(place)
        values = {f: values[f] for f in FIELDS if f in values}  # shown in this order
        out = ws.edit(event_id, values, author=who, note=note)  # type: ignore[arg-type]
    changes = "; ".join(
        f"{field} {describe(field, out['before'][field])} → {describe(field, value)}"
        for field, value in out["after"].items()
    )
    click.echo(f"eventmap: edited {event_id} (change #{out['action']}): {changes}")
