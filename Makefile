# Two commands for a fresh machine (see README):
#   make build   -- lint + graph + site into site/ (creates .venv and installs pinned requirements.txt)
#   make test    -- the test suite (creates .venv and installs pinned requirements-dev.txt)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: build test lint serve bench clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PIP) -r requirements-dev.txt
	touch $@

build: $(VENV)/.runtime
	$(PY) -m tools build

test: $(VENV)/.dev
	$(PY) -m pytest -q

lint: $(VENV)/.runtime
	$(PY) -m tools lint

$(VENV)/.bench: requirements.txt requirements-bench.txt $(VENV)/.runtime
	$(PIP) -r requirements-bench.txt
	touch $@

# the benchmark (a few minutes): figures printed, nothing asserted; check-jsonschema installed for its comparison
bench: $(VENV)/.bench
	$(PY) -m tools bench

serve: $(VENV)/.runtime
	$(VENV)/bin/mkdocs serve

clean:
	rm -rf site .pytest_cache
