# newspipe: two commands set everything up on a fresh machine.
#   make run    build .venv and run the flow on the sample corpus into ./warehouse
#   make test   build .venv and run the whole test suite
# The environment comes from uv.lock (exact versions); uv itself is pinned and installed
# into .tools/ with the system Python's pip, so nothing has to be installed by hand.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
WAREHOUSE ?= warehouse
SAMPLE_CORPUS := examples/corpus
PYTEST_ARGS ?=

# uv must use this machine's Python, never download one; compiled bytecode saves seconds
# on every Prefect start where PYTHONDONTWRITEBYTECODE is set.
export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1

.PHONY: help env browser run test lint dashboard dictionary clean

help:
	@echo "make run         build the environment, run newspipe on $(SAMPLE_CORPUS) into $(WAREHOUSE)/"
	@echo "make test        build the environment, run the whole test suite"
	@echo "make lint        ruff check and format check"
	@echo "make dashboard   serve the dashboard of $(WAREHOUSE)/ on http://127.0.0.1:8501"
	@echo "make dictionary  regenerate docs/data_dictionary.md from the schemas"
	@echo "make clean       remove .venv, .tools and the default warehouse"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

env: $(UV)
	$(UV) sync --locked --python $(PYTHON)

# Debian's Chromium drives the dashboard's browser test (no browser download). Installed
# when missing and when this machine can install packages (root with apt-get); otherwise the
# browser test skips with its reason (and fails under CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	  else echo "chromium not installed and cannot install it here: the browser test will skip"; fi; }

run: env
	$(VENV)/bin/newspipe run $(SAMPLE_CORPUS) --warehouse $(WAREHOUSE) \
	    --publishers examples/publishers.csv

test: env browser
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: env
	$(VENV)/bin/ruff check src flows tests benchmarks
	$(VENV)/bin/ruff format --check src flows tests benchmarks

dashboard: env
	$(VENV)/bin/newspipe dashboard --warehouse $(WAREHOUSE)

dictionary: env
	$(VENV)/bin/newspipe dictionary --output docs/data_dictionary.md

clean:
	rm -rf $(VENV) $(TOOLS) $(WAREHOUSE)/*/ $(WAREHOUSE)/newspipe.duckdb $(WAREHOUSE)/.prefect
