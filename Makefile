# Two commands do all the set-up (see README.md):
#   make run    installs legcheck into .venv and runs an example check
#   make test   installs what the tests need, lints, runs the tests and the evaluation gate
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := --set visible_flicker=yes --set location=one_spot --set timing=at_rest \
	--set duration_days=5 --set weakness=no --set muscle_wasting=no --set caffeine_cups_per_day=5

.PHONY: run test install install-test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "legcheck needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/legcheck check $(EXAMPLE)

lint: install-test
	$(BIN)/ruff check src tests bench eval

test: install-test lint
	$(BIN)/python -m pytest
	$(BIN)/python -m eval --require-emergency-sensitivity 1.0 --fail-on-under-triage 0
	$(BIN)/python -m eval --cases eval/holdout.yaml --require-emergency-sensitivity 1.0 \
		--fail-on-under-triage 0
	$(BIN)/python -m eval --interview --require-emergency-sensitivity 1.0 --fail-on-under-triage 0
	$(BIN)/python -m eval --interview --cases eval/holdout.yaml \
		--require-emergency-sensitivity 1.0 --fail-on-under-triage 0
	$(BIN)/python -m eval --from-text --require-emergency-sensitivity 1.0
	$(BIN)/python -m eval --from-text --cases eval/holdout.yaml --require-emergency-sensitivity 1.0
	$(BIN)/python -m eval --text --require-f1 0.80

eval: install
	$(BIN)/python -m eval

bench: install-test
	$(BIN)/python -m bench
	$(BIN)/python -m bench.diary
	$(BIN)/python -m bench.interview

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis
