# Two commands do all the set-up (see README.md):
#   make run    installs legcheck into .venv and runs an example check
#   make test   installs what the tests need, lints, runs the tests and the evaluation gate
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := --set visible_flicker=yes --set location=one_spot --set timing=at_rest \
	--set duration_days=5 --set weakness=no --set muscle_wasting=no --set caffeine_cups_per_day=5

AXE := .cache/axe/node_modules/axe-core/axe.min.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FHIR_VALIDATE := tools/fhir-validate

.PHONY: run test install install-test test-tools browser lint eval bench clean

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

# The browser tests drive Debian's headless Chromium with Playwright (Playwright's own browser
# download is not used) and check accessibility with axe-core from npm.
browser:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	@test -f $(AXE) || npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4

run: install
	$(BIN)/legcheck check $(EXAMPLE)

# What the report and FHIR tests need beyond Python: poppler-utils (pdftoppm, pdftotext) and
# HarfBuzz's font subsetter (WeasyPrint subsets fonts with it, several times faster than its
# fallback) from Debian, and the official FHIR R4 JSON schema with its validator from npm.
test-tools: $(FHIR_VALIDATE)/node_modules/.installed
	@command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null \
		&& ldconfig -p | grep -q libharfbuzz-subset.so.0 || \
		{ apt-get update -qq && apt-get install -y -qq poppler-utils libharfbuzz-subset0; }

$(FHIR_VALIDATE)/node_modules/.installed: $(FHIR_VALIDATE)/package.json $(FHIR_VALIDATE)/package-lock.json
	cd $(FHIR_VALIDATE) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: install-test
	$(BIN)/ruff check src tests bench eval

test: install-test test-tools lint browser
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
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
	$(BIN)/python -m bench
	$(BIN)/python -m bench.diary
	$(BIN)/python -m bench.report
	$(BIN)/python -m bench.interview
	$(BIN)/python -m bench.web

clean:
	rm -rf $(VENV) $(FHIR_VALIDATE)/node_modules build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis \
		.cache tests/output
