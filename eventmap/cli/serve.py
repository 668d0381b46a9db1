"""`eventmap serve [PATH...]`: the dashboard on a workspace of articles, event files and edits (seeds by default)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from eventmap.cli.importing import check_import_options, import_options
from eventmap.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
WORKSPACE_NAME = "eventmap-workspace.duckdb"  # the default workspace, next to the PATHs
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})  # any other --host gets a warning


def default_paths() -> list[Path]:
    """The bundled seed articles of a checkout (used when no PATH is given)."""
    if not SEEDS.is_dir():  # an installed wheel carries no seeds
        raise InputError(
            "no PATH given, and this installed copy has no bundled seeds: pass an article, "
            "a folder or an event file, e.g. 'eventmap serve article.txt' or 'eventmap serve events.json'"
        )
    return [SEEDS]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--port",
    default=8050,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0 picks a free one).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser tab.")
@click.option(
    "--merge",
    is_flag=True,
    help="Merge reports of the same event from several articles into one event with all its sources.",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The workspace (a .duckdb file) that keeps the events, the articles added in the app and "
    f"your edits (default: {WORKSPACE_NAME} next to the PATHs, or a temporary one).",
)
@click.option("--author", help="Who makes the edits in the app (default: the OS user).")
@import_options
@click.option(
    "--tiles",
    metavar="URL",
    help="Online raster tiles as the map's base, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png, with "
    "the region boundaries and names kept on top (off by default: the map asks nothing off this machine).",
)
@click.option(
    "--tiles-attribution", metavar="TEXT", help="Credit shown on the map for --tiles (default: from the URL)."
)
def serve(
    paths: tuple[Path, ...],
    port: int,
    host: str,
    no_browser: bool,
    merge: bool,
    store_path: Path | None,
    author: str | None,
    lang: str,
    document_date: str | None,
    columns: str | None,
    tiles: str | None,
    tiles_attribution: str | None,
) -> None:
    """Open the dashboard: linked timeline, map and table of the events in PATH..., for review and editing.

    PATH is an article (.txt, .md, .html), an event file (.json, .geojson, .csv), a folder of
    them, or a workspace (.duckdb, made by `eventmap parse --store` or by an earlier serve).
    Articles and event files go into the workspace (only new or changed files are parsed),
    and the app edits it: corrections, new events and added articles are kept there. Without
    PATH the bundled seeds/ are shown. With --merge, reports of one event from several
    articles are shown as one event (the app's Split button gives them back). --lang, --date
    and --columns are read as by parse and export: each event file's import is said, and a
    file or row that cannot be read is skipped with a warning.
    """
    if tiles and not all(part in tiles for part in ("{z}", "{x}", "{y}")):
        raise InputError(
            f"--tiles {tiles!r} must hold {{z}}, {{x}} and {{y}}, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png"
        )
    check_import_options(document_date, columns)
    token = None
    if host not in LOCAL_HOSTS:
        import secrets

        token = secrets.token_urlsafe(16)
        click.echo(
            f"eventmap: warning: listening on {host}: anyone who can reach this machine can read "
            f"these events (the default --host 127.0.0.1 keeps it to this machine); editing and "
            f"adding articles need the token {token}: open the page with ?token={token}",
            err=True,
        )
    targets = list(paths) or default_paths()
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}")
    from eventmap.corpus.store import is_store

    stores = [p for p in targets if is_store(p)]
    others = [p for p in targets if p not in stores]
    if len(stores) + bool(store_path) > 1:
        raise InputError(
            "give one workspace (store); import other stores' events with eventmap parse --store"
        )
    if stores and stores[0].is_dir():  # a Parquet folder: read-only, no edits
        if others:
            raise InputError(f"{stores[0]} is a read-only Parquet store: serve it alone")
        workspace, temporary = stores[0], False
    else:
        workspace, temporary = (
            (store_path or stores[0], False) if (store_path or stores) else default_workspace(others)
        )
    store = _open_workspace(workspace, temporary, read_only=workspace.is_dir())
    if others:
        from eventmap.cli.importing import read_into_workspace

        read_into_workspace(others, store, workspace, lang=lang, document_date=document_date, columns=columns)
    from dashboard.server import serve_forever
    from dashboard.store_app import STORE_MODE_MIN_EVENTS
    from eventmap.corpus.store_workspace import default_author

    n = store.count()
    if n > STORE_MODE_MIN_EVENTS:  # a very large store: counted server-side, not loaded
        from dashboard.store_app import create_store_app

        click.echo(
            f"{n:,} events in the store: serving counts per day and place (store mode)"
            + (" without --merge" if merge else ""),
            err=True,
        )
        app = create_store_app(store, author=author or default_author(), edit_token=token)
        try:
            serve_forever(app, host=host, port=port, open_browser=not no_browser)
        finally:
            store.close()
        return
    from dashboard.app import create_app

    def read_events() -> list:
        """Run by the app in the background: the server answers while a big workspace is read."""
        from eventmap.cli.importing import check_loaded_events

        events = store.events()
        check_loaded_events(events, document_date=document_date)
        click.echo(f"{len(events)} events in {workspace}", err=True)
        if merge:
            from eventmap.corpus.merge import merge_events

            events = merge_events(events)
            click.echo(f"{len(events)} after merging reports of the same event", err=True)
        return events

    app = create_app(
        read_events,
        workspace=None if store.read_only else store,
        author=author or default_author(),
        edit_token=token,
        tiles=tiles,
        tiles_attribution=tiles_attribution,
    )
    collection = app.server.config["EVENTMAP_COLLECTION"]
    try:
        serve_forever(app, host=host, port=port, open_browser=not no_browser)
    finally:
        _wait_quietly(collection)  # the events are read before the workspace closes
        store.close()  # the workspace is free for another eventmap again


def _wait_quietly(collection) -> None:
    """Wait for the background read to end (its error, if any, was raised by serve_forever)."""
    try:
        collection.wait()
    except BaseException:  # already reported, or the user stopped the server
        pass


def default_workspace(paths: list[Path]) -> tuple[Path, bool]:
    """(workspace file, temporary?): WORKSPACE_NAME in the folder of the first PATH, else a temporary file.

    The bundled seeds and folders this user cannot write to get a temporary workspace.
    """
    first = paths[0] if paths else SEEDS
    folder = (first if first.is_dir() else first.parent).resolve()
    if folder != SEEDS.resolve() and os.access(folder, os.W_OK):
        return folder / WORKSPACE_NAME, False
    return _temporary(), True


def _temporary() -> Path:
    return Path(tempfile.mkdtemp(prefix="eventmap-workspace-")) / WORKSPACE_NAME


def _open_workspace(path: Path, temporary: bool, *, read_only: bool):
    """Open the workspace for editing and say which it is; a workspace in use -> a temporary one."""
    from eventmap.corpus.store import EventStore

    try:
        store = EventStore(path, read_only=read_only)
    except InputError as exc:
        if (
            temporary
            or "lock" not in str(exc).lower()
            or path.suffix != ".duckdb"
            or path.name != WORKSPACE_NAME
        ):
            raise
        click.echo(f"eventmap: {path} is open in another eventmap; using a temporary workspace", err=True)
        path, temporary = _temporary(), True
        store = EventStore(path)
    if read_only:
        click.echo(f"eventmap: {path} is a Parquet store folder: read-only, no editing", err=True)
    elif temporary:
        click.echo(f"eventmap: workspace {path} (temporary: pass --store FILE to keep your edits)", err=True)
    else:
        click.echo(f"eventmap: workspace {path} (your edits are kept there)", err=True)
    return store
