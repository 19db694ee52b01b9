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

.PHONY: help env run test lint dictionary clean

help:
	@echo "make run         build the environment, run newspipe on $(SAMPLE_CORPUS) into $(WAREHOUSE)/"
	@echo "make test        build the environment, run the whole test suite"
	@echo "make lint        ruff check and format check"
	@echo "make dictionary  regenerate docs/data_dictionary.md from the schemas"
	@echo "make clean       remove .venv, .tools and the default warehouse"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

env: $(UV)
	$(UV) sync --locked --python $(PYTHON)

run: env
	$(VENV)/bin/newspipe run $(SAMPLE_CORPUS) --warehouse $(WAREHOUSE)

test: env
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: env
	$(VENV)/bin/ruff check src flows tests benchmarks
	$(VENV)/bin/ruff format --check src flows tests benchmarks

dictionary: env
	$(VENV)/bin/newspipe dictionary --output docs/data_dictionary.md

clean:
	rm -rf $(VENV) $(TOOLS) $(WAREHOUSE)/*/ $(WAREHOUSE)/newspipe.duckdb $(WAREHOUSE)/.prefect
