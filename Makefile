# Parkwire: `make run` serves the portal on http://127.0.0.1:8000, `make test` runs every test.
# Both install everything they need into .venv first. Pass PYTHON=/path/to/python3.12+ to choose
# the interpreter; otherwise the newest Python 3.12+ on PATH or under pyenv is used.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

PYTHON ?= $(shell \
	for c in python3.14 python3.13 python3.12 python3 \
	         $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)

.PHONY: run test install browser axe validator lint format clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
	  echo "error: Parkwire needs Python 3.12 or newer and none was found on PATH or under pyenv." >&2; \
	  echo "       Install one (e.g. 'pyenv install 3.13') or run: make $(MAKECMDGOALS) PYTHON=/path/to/python3.12" >&2; \
	  exit 1; fi
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { \
	  echo "error: $(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'); Parkwire needs 3.12 or newer." >&2; exit 1; }
	@[ -x $(BIN)/python ] && $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

run: install
	@mkdir -p var
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py import_seeds
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production mode: gunicorn, DEBUG off, WhiteNoise; settings from the environment (docs/deployment.md).
PROD := DJANGO_SETTINGS_MODULE=portal.settings.production
serve: install
	@mkdir -p var
	$(PROD) $(BIN)/python manage.py migrate --noinput
	$(PROD) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(PROD) HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config python:portal.gunicorn_config

# Headless Chromium from Debian's package, for the real-browser tests.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium is not installed and cannot be installed here; browser tests will be skipped."; fi; }

# axe-core from the npm registry, for the accessibility scans in the browser tests (var/ is git-ignored).
AXE := var/node/node_modules/axe-core/axe.min.js
axe: $(AXE)

$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix var/node --no-audit --no-fund --silent axe-core@4.14.1; \
	else echo "note: npm is not installed; the accessibility scans will be skipped."; fi

# The Nu HTML Checker (vnu-jar from the npm registry; runs on the machine's Java) for the validity tests.
VNU := var/node/node_modules/vnu-jar/build/dist/vnu.jar
validator: $(VNU)

$(VNU):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix var/node --no-audit --no-fund --silent vnu-jar@26.9.27; \
	else echo "note: npm is not installed; the HTML validity test will be skipped."; fi
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "note: java is not installed; the HTML validity test will be skipped."; fi; }

test: install browser axe validator
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache
