"""`eventmap export PATH... --html/--png/--svg/--pdf/--geojson/--csv/--timelinejs OUT`.

PATH is what `serve` takes (articles, event files, folders). Every output is checked before
the (slow) loading starts, so a typo in an output folder fails at once, and every file is
written atomically.
"""

from __future__ import annotations

from pathlib import Path

import click

from eventmap.cli.importing import Reporter, check_import_options, import_options
from eventmap.errors import InputError

DATA_OUTPUTS = ("json", "geojson", "csv", "timelinejs")
IMAGE_OUTPUTS = ("png", "svg", "pdf")
ALL_OUTPUTS = ("html", *IMAGE_OUTPUTS, *DATA_OUTPUTS)


def _out(name: str, what: str):
    return click.option(
        f"--{name}", f"{name}_out", type=click.Path(dir_okay=False, path_type=Path), help=what
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_out("html", "Self-contained HTML page (opens offline; timeline and map linked).")
@_out("png", "PNG image of the figure.")
@_out("svg", "SVG image of the figure.")
@_out("pdf", "PDF of the figure.")
@_out("json", "eventmap JSON (the project's event format).")
@_out("geojson", "GeoJSON FeatureCollection (RFC 7946), one Feature per event.")
@_out("csv", "CSV, one row per event, ACLED-like columns.")
@_out("timelinejs", "TimelineJS 3 JSON, to publish a story with TimelineJS.")
@click.option(
    "--figure",
    type=click.Choice(["both", "timeline", "map"]),
    default="both",
    show_default=True,
    help="Which figure goes into the HTML and the images.",
)
@click.option("--title", help="Title of the page, the images and the TimelineJS story.")
@click.option("--width", type=click.IntRange(1, 10000), help="Image width in px (default 1200).")
@click.option("--height", type=click.IntRange(1, 10000), help="Image height in px (default: the figure's).")
@click.option(
    "--scale", type=click.FloatRange(0, 10, min_open=True), help="Image scale (2 = twice the pixels)."
)
@click.option("--snippet", is_flag=True, help="--html writes an embeddable <div> instead of a full page.")
@import_options
@click.option(
    "--merge",
    is_flag=True,
    help="Merge reports of the same event from several articles into one event with all its sources.",
)
@click.option("--verified-only", is_flag=True, help="Only events an analyst marked verified.")
@click.option(
    "--include-rejected", is_flag=True, help="Also events an analyst rejected (left out by default)."
)
@click.pass_context
def export(
    ctx: click.Context,
    paths: tuple[Path, ...],
    html_out: Path | None,
    png_out: Path | None,
    svg_out: Path | None,
    pdf_out: Path | None,
    json_out: Path | None,
    geojson_out: Path | None,
    csv_out: Path | None,
    timelinejs_out: Path | None,
    figure: str,
    title: str | None,
    width: int | None,
    height: int | None,
    scale: float | None,
    snippet: bool,
    lang: str | None,
    document_date: str | None,
    columns: str | None,
    merge: bool,
    verified_only: bool,
    include_rejected: bool,
) -> None:
    """Export the events of PATH... as offline HTML, images and data files.

    PATH is an article (.txt, .md, .html), an event file (.json, .geojson, .csv: eventmap's
    own, ACLED, UCDP, USGS or GDELT tables, TimelineJS 3 or 2, or any CSV with --columns), a
    folder of them, or a workspace (.duckdb): its events as corrected, with review_status and
    original. A file or row that cannot be read is skipped with a warning and the rest is
    written; the exit code is then 1.
    """
    outputs = {
        "html": html_out,
        "png": png_out,
        "svg": svg_out,
        "pdf": pdf_out,
        "json": json_out,
        "geojson": geojson_out,
        "csv": csv_out,
        "timelinejs": timelinejs_out,
    }
    wanted = {k: v for k, v in outputs.items() if v is not None}
    if not wanted:
        raise InputError(
            "nothing to export: give at least one of " + ", ".join(f"--{k} FILE" for k in ALL_OUTPUTS)
        )
    from eventmap.atomic import check_output_path

    for path in wanted.values():
        check_output_path(path)
    check_import_options(document_date, columns)  # a bad mapping or date fails before the loading

    from eventmap.corpus.loading import load_paths

    reporter = Reporter()
    events = load_paths(
        paths,
        lang=None if lang == "auto" else lang,
        document_date=document_date,
        columns=columns,
        on_error=reporter.file_failed,
        on_report=reporter.report,
    )
    reporter.finish()
    click.echo(f"{len(events)} event{'s' if len(events) != 1 else ''} loaded", err=True)
    events = _by_review(events, verified_only=verified_only, include_rejected=include_rejected)
    if merge:
        from eventmap.corpus.merge import merge_events

        events = merge_events(events)
        click.echo(f"{len(events)} after merging reports of the same event", err=True)

    if any(k in wanted for k in DATA_OUTPUTS):
        from eventmap.formats import write_events

        for fmt in DATA_OUTPUTS:
            if fmt in wanted:
                write_events(events, fmt, wanted[fmt], title=title)
                click.echo(f"wrote {wanted[fmt]}", err=True)
    if "html" in wanted:
        from dashboard.export.html import render_html
        from eventmap.atomic import write_text

        write_text(wanted["html"], render_html(events, title=title, figure=figure, snippet=snippet))
        click.echo(f"wrote {wanted['html']}", err=True)
    images = [wanted[k] for k in IMAGE_OUTPUTS if k in wanted]
    if images:
        from dashboard.export.images import write_images

        write_images(events, images, figure=figure, width=width, height=height, scale=scale, title=title)
        for p in images:
            click.echo(f"wrote {p}", err=True)
    if reporter.skipped:
        ctx.exit(1)


def _by_review(events: list, *, verified_only: bool, include_rejected: bool) -> list:
    """The events to export by review status; says how many were left out."""
    if verified_only and include_rejected:
        raise click.UsageError("--verified-only and --include-rejected cannot be combined")
    if verified_only:
        kept = [e for e in events if e.review_status == "verified"]
        why = "not verified"
    elif include_rejected:
        return events
    else:
        kept = [e for e in events if e.review_status != "rejected"]
        why = "rejected (--include-rejected keeps them)"
    if len(kept) < len(events):
        n = len(events) - len(kept)
        click.echo(f"{n} event{'s' if n != 1 else ''} left out: {why}", err=True)
    return kept
