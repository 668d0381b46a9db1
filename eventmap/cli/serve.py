"""`eventmap serve [PATH...]`: the dashboard on articles or event files (bundled seeds by default)."""

from __future__ import annotations

from pathlib import Path

import click

from eventmap.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
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
    tiles: str | None,
    tiles_attribution: str | None,
) -> None:
    """Open the dashboard: linked timeline, map and table of the events in PATH...

    PATH is an article (.txt, .md, .html), an event file (.json, .geojson, .csv) or a folder
    of them. Without PATH the bundled seeds/ are shown. With --merge, reports of one event
    from several articles are shown as one event (the app's Split button gives them back).
    """
    if tiles and not all(part in tiles for part in ("{z}", "{x}", "{y}")):
        raise InputError(
            f"--tiles {tiles!r} must hold {{z}}, {{x}} and {{y}}, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png"
        )
    if host not in LOCAL_HOSTS:
        click.echo(
            f"eventmap: warning: listening on {host}: anyone who can reach this machine can read "
            f"these events and add articles (the default --host 127.0.0.1 keeps it to this machine)",
            err=True,
        )
    targets = list(paths) or default_paths()
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}")
    from eventmap.corpus.store import is_store

    if len(targets) == 1 and is_store(targets[0]):  # a very large store: counted server-side, not loaded
        from dashboard.store_app import STORE_MODE_MIN_EVENTS, create_store_app, store_event_count

        n = store_event_count(targets[0])
        if n > STORE_MODE_MIN_EVENTS:
            from dashboard.server import serve_forever

            click.echo(
                f"{n:,} events in the store: serving counts per day and place (store mode)"
                + (" without --merge" if merge else ""),
                err=True,
            )
            serve_forever(create_store_app(targets[0]), host=host, port=port, open_browser=not no_browser)
            return
    from dashboard.app import create_app
    from dashboard.server import serve_forever
    from eventmap.corpus.loading import load_paths  # imported here: it loads the parser and gazetteer

    events = load_paths(targets)
    click.echo(f"{len(events)} events from {len(targets)} path{'s' if len(targets) != 1 else ''}", err=True)
    if merge:
        from eventmap.corpus.merge import merge_events

        events = merge_events(events)
        click.echo(f"{len(events)} after merging reports of the same event", err=True)
    serve_forever(
        create_app(events, tiles=tiles, tiles_attribution=tiles_attribution),
        host=host,
        port=port,
        open_browser=not no_browser,
    )
