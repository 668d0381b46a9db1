# The two commands of the README:
#   make demo   -> set up everything, then open the dashboard on the bundled seeds
#   make test   -> set up everything (browser included), then run the whole test suite
# .ci/run calls `make test`.

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: demo test lint docs serve setup browser bench clean

demo: setup
	$(BIN)/eventmap serve

test: setup browser lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff (lint and format) and the CLI reference generated from --help (import contracts run in the tests)
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/cog --check -I docs docs/*.md README.md

# regenerate docs/cli.md from `eventmap --help` after changing an option
docs: setup
	$(BIN)/cog -r -I docs docs/*.md README.md

# any eventmap command through the venv, e.g. make serve ARGS="events.json --port 8060"
serve: setup
	$(BIN)/eventmap serve $(ARGS)

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m geo.build_index --quiet
	$(BIN)/python -m dashboard.basemap.build --quiet --if-missing
	$(BIN)/python -m dashboard.plotlyjs.build --quiet --if-missing
	touch $(STAMP)

# Debian's Chromium and ChromeDriver drive the browser tests (and kaleido's images).
browser:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing chromium and chromium-driver (Debian packages)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

bench: setup
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
