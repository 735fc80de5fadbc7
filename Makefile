# Followup: everyday commands. Needs only python3 and make; everything else lives in .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := install
.PHONY: venv install run test test-quick lint format bench corpus

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

# While you work: the core's tests on SQLite, without the platform adapters, the processes,
# the fuzzers, the debrief corpus and the template attacks (about a minute; `make test`
# runs everything before you push).
QUICK := tests/domain tests/drafting tests/commands tests/services tests/storage \
	tests/scheduling tests/test_architecture.py tests/test_docs.py \
	--ignore=tests/drafting/test_debrief_corpus.py --ignore=tests/drafting/test_template_attacks.py
test-quick: install
	$(BIN)/pytest -q -m 'not postgresql' $(QUICK)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench

# Every draft of the debrief corpus (tests/fixtures/debriefs/), for a human read.
corpus: install
	$(BIN)/python -m tests.drafting.print_corpus $(NAMES)
