# Followup: everyday commands. Needs only python3 and make; everything else lives in .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := install
.PHONY: venv install run test lint format bench corpus

# bin/pip, not bin/python, marks a usable venv: if ensurepip is missing (Debian without
# python3-venv) `venv` leaves bin/python behind but no pip, and the next run retries.
$(BIN)/pip:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes; the stamp lives inside .venv so a deleted or
# recreated venv is always reinstalled.
$(STAMP): pyproject.toml | $(BIN)/pip
	$(BIN)/pip install -e '.[dev]'
	@touch $@

venv install: $(STAMP)

run: install
	$(BIN)/followup run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot adapters

# Lint first: it is fast and fails before the slower tests start.
test: install lint
	$(BIN)/pytest -q

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench

# Every draft of the debrief corpus (tests/fixtures/debriefs/), for a human read.
corpus: install
	$(BIN)/python -m tests.drafting.print_corpus $(NAMES)
