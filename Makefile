# Two commands for a newcomer: `make demo` and `make test`. Each sets up whatever is missing
# (virtual environment, Python dependencies, Tesseract with eng/fra/osd, NOC data, fixtures).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
EVIDENCE := $(VENV)/bin/evidence
SHARED_NOC := ../shared/data/noc2021
FIXTURES := fixtures/cases
SAMPLE := $(FIXTURES)/carter_clean
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export OMP_THREAD_LIMIT := 1

.PHONY: demo test bench setup bytecode tesseract chromium noc-data fixtures lint format clean

demo: setup
	$(EVIDENCE) doctor
	$(EVIDENCE) audit $(SAMPLE) --json build/demo-report.json

test: setup chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -n 2 --dist loadgroup

bench: setup
	$(PY) -m bench.extract
	$(PY) -m bench.noc
	$(PY) -m bench.noc_external
	$(PY) -m bench.noc_copy_prose
	$(PY) -m bench.noc_calibration_fit
	$(PY) -m bench.noc_calibration
	$(PY) -m bench.fields
	@if [ -d ../shared/devset ]; then $(PY) -m bench.truth_fields all --write; fi
	$(PY) -m bench.batch
	$(PY) -m bench.batch_faults
	$(PY) -m bench.profile_audit
	$(PY) -m bench.startup
	$(PY) -m bench.case_folders

setup: $(VENV)/.deps bytecode tesseract noc-data fixtures

# An editable install leaves the project's own modules uncompiled, and where
# PYTHONDONTWRITEBYTECODE is set nothing ever compiles them: each start of `evidence` compiled
# some 150 modules again (0.1 s of a 0.5 s start-up). Up-to-date files are skipped.
bytecode: $(VENV)/.deps
	@$(PY) -m compileall -q -j 0 extractors nlp_models checks pipeline >/dev/null

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv missing: installing it with apt"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && \
	  $(PYTHON) -m venv $(VENV); }

$(VENV)/.deps: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

# Tesseract is a system program: install it with apt when it (or a language) is missing.
tesseract:
	@if ! command -v tesseract >/dev/null 2>&1 || \
	    ! tesseract --list-langs 2>/dev/null | grep -qx fra || \
	    ! tesseract --list-langs 2>/dev/null | grep -qx osd; then \
	  echo "Installing Tesseract (eng, fra, osd) with apt"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd >/dev/null; \
	fi

# Headless Chromium renders the HTML report in the tests (not needed to run the tool).
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Chromium with apt"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The official NOC 2021 files are never copied into the project: they are verified and compiled
# into the user data directory from ../shared (the development and CI source).
noc-data: $(VENV)/.deps
	@if [ -d $(SHARED_NOC) ]; then $(EVIDENCE) noc install $(SHARED_NOC) --quiet; \
	else echo "note: $(SHARED_NOC) not found; run 'evidence noc install SOURCE' yourself"; fi

fixtures: $(FIXTURES)/.stamp

FIXTURE_SOURCES := $(shell find fixtures -name '*.py' -not -path 'fixtures/cases/*')

$(FIXTURES)/.stamp: $(FIXTURE_SOURCES) $(VENV)/.deps
	$(PY) -m fixtures.generate $(FIXTURES)
	@touch $@

lint: $(VENV)/.deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) $(FIXTURES) build .pytest_cache
