# Two commands for a fresh machine (see README):
#   make build   -- lint + graph + site into site/ (creates .venv and installs pinned requirements.txt)
#   make test    -- the test suite (creates .venv, installs pinned requirements-dev.txt, and -- the explicit
#                   `browser` step -- Debian's Chromium and CJK fonts for the real-browser tests)
# Both set up the environment with `python -m tools setup` (tools/bootstrap.py), the same command Windows
# users run without make; it reinstalls nothing while the requirement files are unchanged.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: build test test-fast browser lint serve bench clean

.PHONY: runtime dev
runtime:
	$(PYTHON) -m tools setup --venv $(VENV)

dev:
	$(PYTHON) -m tools setup --dev --no-hooks --venv $(VENV)

build: runtime
	$(PY) -m tools build

test: dev browser
	$(PY) -m pytest -q

# the suite without the slow tests (real browser, real site builds): for a quick check while editing
test-fast: dev
	$(PY) -m pytest -q -m "not slow"

# The real-browser tests drive Debian's Chromium (a system package, not from PyPI) with the pinned playwright.
# Installed here, explicitly, when missing: as root, or through sudo. Without apt-get (not Debian) the browser
# tests are skipped with a message; with apt-get, a failed install fails.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "安装浏览器测试所需的 Chromium 和中文字体（apt-get install chromium fonts-noto-cjk）……"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk; \
	else echo "未找到 Chromium，也没有 apt-get：真实浏览器测试将跳过"; fi

lint: runtime
	$(PY) -m tools lint

$(VENV)/.bench: requirements.txt requirements-bench.txt
	$(PYTHON) -m tools setup --venv $(VENV)
	$(PIP) -r requirements-bench.txt
	touch $@

# the benchmark (a few minutes): figures printed, nothing asserted; check-jsonschema installed for its comparison
bench: $(VENV)/.bench
	$(PY) -m tools bench

serve: runtime
	$(PY) -m mkdocs serve --no-strict

clean:
	rm -rf site .pytest_cache
