"""The `eventmap` command: a small click group whose commands live in `eventmap/cli/`.

Errors never show a traceback unless `--debug` is given: a UserError (bad input) prints its
message; anything else prints its type and message with a hint to re-run with --debug.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from eventmap.errors import UserError

# name -> "module:attribute"; loaded lazily so `eventmap --help` stays fast.
COMMANDS: dict[str, str] = {
    "parse": "eventmap.cli.parse:parse",
    "serve": "eventmap.cli.serve:serve",
    "export": "eventmap.cli.export:export",
    "edit": "eventmap.cli.edit:edit",
}


class OneLineUsageError(click.UsageError):
    """A click usage error (unknown option, bad value) shown as one line, not usage + hint + error."""

    def show(self, file: Any = None) -> None:
        hint = f" (see '{self.ctx.command_path} --help')" if self.ctx is not None else ""
        click.echo(f"eventmap: error: {self.format_message()}{hint}", err=True)


def _one_line(exc: click.UsageError) -> click.UsageError:
    if isinstance(exc, (OneLineUsageError, getattr(click.exceptions, "NoArgsIsHelpError", ()))):
        return exc  # bare `eventmap` keeps showing its help
    return OneLineUsageError(exc.format_message(), exc.ctx)


class LazyGroup(click.Group):
    """Loads command modules on demand and turns exceptions into one-line errors."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:  # `eventmap --bogus`
            raise _one_line(exc) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            if "--debug" in sys.argv:
                raise
            return None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # `eventmap bogus`, `eventmap parse --lang xx`
            raise _one_line(exc) from None
        except (click.exceptions.Exit, click.Abort, click.ClickException):
            raise
        except UserError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                cause = exc.__cause__  # a crash that a loader wrapped: show the crash itself
                if cause is not None and not isinstance(cause, (UserError, OSError, ValueError)):
                    raise cause from None
                raise
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            click.echo(f"eventmap: error: {msg}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("eventmap: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            msg = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(
                f"eventmap: error: {type(exc).__name__}: {msg} (run with --debug for details)", err=True
            )
            ctx.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.version_option(package_name="eventmap")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """eventmap: dated events from news articles, on a linked timeline and map.

    \b
    eventmap parse ARTICLE...    events as JSON, GeoJSON or CSV
    eventmap serve [PATH...]     the dashboard (bundled seeds when no PATH)
    eventmap export PATH...      offline HTML, PNG/SVG/PDF, GeoJSON, CSV, TimelineJS
    eventmap edit STORE ID ...   correct an event of a workspace (kept beside the parser's)
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


if __name__ == "__main__":  # pragma: no cover
    main()
