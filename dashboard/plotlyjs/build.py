"""Build the partial plotly.js bundle of the app's trace types (run by `make setup`).

It installs the npm ``plotly.js`` package of the version the Python ``plotly`` package bundles,
with esbuild and the plugins plotly.js's own build uses, into the user cache (a second build
needs no network), and bundles ``plotly.js/lib/core`` with the traces of
:data:`dashboard.plotlyjs.TRACES` the way plotly.js's dist bundles are made (IIFE, global
``Plotly``, MapLibre's CSS inlined). The result, with plotly.js's licence beside it, goes to
``dashboard/plotlyjs/data/`` (package data, so a wheel built after setup carries it). Without
Node.js and npm it says so and the app keeps the full bundle.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.basemap.layers import cache_root
from dashboard.plotlyjs import DATA_DIR, TRACES, bundle_name, plotlyjs_version

# plotly.js's own bundler and plugins (its esbuild-config.js); versions pinned for a stable build
BUILD_TOOLS = {
    "esbuild": "0.28.1",
    "esbuild-plugin-inline-css": "0.0.1",
    "esbuild-plugin-glsl": "1.4.2",
    "esbuild-plugin-environment": "0.5.0",
}

BUILD_SCRIPT = """\
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
esbuild.build({
  entryPoints: ['./entry.js'], outfile: process.argv[2], format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, sourcemap: false, legalComments: 'eof',
  banner: { js: process.argv[3] }, footer: { js: 'window.Plotly = Plotly;' },
  plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' }, target: 'es2016', logLevel: 'warning',
}).catch((e) => { console.error(e.message); process.exit(1); });
"""


def say(quiet: bool, text: str) -> None:
    if not quiet:
        print(text, flush=True)


def entry_script(traces: tuple[str, ...] = TRACES) -> str:
    """The bundle's entry: plotly.js's core with only `traces` registered (scatter is in the core)."""
    lines = [f"    require('plotly.js/lib/{name}')," for name in traces if name != "scatter"]
    return "\n".join(
        [
            "'use strict';",
            "var Plotly = require('plotly.js/lib/core');",
            "Plotly.register([",
            *lines,
            "]);",
            "module.exports = Plotly;",
            "",
        ]
    )


def _run(args: list[str], cwd: Path) -> None:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed: {(proc.stderr or proc.stdout).strip()[-400:]}")


def build(out: Path = DATA_DIR, *, quiet: bool = False) -> Path:
    """Build the bundle into `out`; RuntimeError when Node.js or npm is missing or a step fails."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        raise RuntimeError("Node.js and npm are not installed (apt-get install npm)")
    version = plotlyjs_version()
    work = cache_root().parent / "plotlyjs" / version
    work.mkdir(parents=True, exist_ok=True)
    if not (work / "node_modules" / "plotly.js" / "package.json").is_file():
        say(quiet, f"installing npm plotly.js {version} and esbuild into {work} ...")
        (work / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        packages = [f"plotly.js@{version}", *(f"{name}@{v}" for name, v in BUILD_TOOLS.items())]
        _run([npm, "install", "--no-audit", "--no-fund", "--silent", *packages], work)
    installed = json.loads((work / "node_modules" / "plotly.js" / "package.json").read_text(encoding="utf-8"))
    if installed.get("version") != version:
        raise RuntimeError(f"npm installed plotly.js {installed.get('version')}, not {version}")
    (work / "entry.js").write_text(entry_script(), encoding="utf-8")
    (work / "build.js").write_text(BUILD_SCRIPT, encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    target = out / bundle_name(version)
    tmp = target.with_suffix(".tmp")
    banner = f"/** plotly.js v{version} (MIT), partial bundle for eventmap: {', '.join(TRACES)} */"
    _run([node, "build.js", str(tmp), banner], work)
    for old in out.glob("plotly-eventmap-*.min.js"):
        old.unlink()
    tmp.replace(target)
    shutil.copyfile(work / "node_modules" / "plotly.js" / "LICENSE", out / "LICENSE-plotly.js")
    (out / "SOURCES.md").write_text(
        f"# Sources\n\n`{target.name}`: npm `plotly.js` {version} (MIT, LICENSE-plotly.js beside it; "
        f"it bundles MapLibre GL JS, BSD-3-Clause, and the other notices at the end of the file), "
        f"traces {', '.join(TRACES)}, built with npm `esbuild` {BUILD_TOOLS['esbuild']} by "
        "`python -m dashboard.plotlyjs.build`.\n",
        encoding="utf-8",
    )
    say(quiet, f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: the package's data/)")
    ap.add_argument("--if-missing", action="store_true", help="do nothing when the bundle is already built")
    args = ap.parse_args(argv)
    if args.if_missing and (args.out / bundle_name(plotlyjs_version())).is_file():
        return 0
    try:
        build(args.out, quiet=args.quiet)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(
            f"eventmap: warning: the partial plotly.js bundle was not built ({exc}); "
            "the dashboard serves plotly's full bundle",
            file=sys.stderr,
        )
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
