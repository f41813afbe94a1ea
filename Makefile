# Common tasks; each shows the plain commands it runs.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test test-fast validate report release bench screenshots presskit serve-cluster stop-cluster loadtest

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip uv || true

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m uv pip install --python $(PY) --quiet -r requirements.txt || $(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt requirements.txt | $(PY)
	$(PY) -m uv pip install --python $(PY) --quiet -r requirements-test.txt || $(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(PY) -m ecosystem release
	MALLOC_ARENA_MAX=2 $(PY) -m streamlit run dashboard.py --server.port $(PORT)

# pytest on two workers: each group of browser tests (one app server, one Chromium) on one worker (tests/conftest.py).
test: $(VENV)/.test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m ecosystem validate
	$(PY) -m pytest -n 2 --dist loadgroup

# The inner loop: every test but the slow and the browser ones.
test-fast: $(VENV)/.test
	$(PY) -m pytest -n 2 -m "not slow and not browser"

validate: $(VENV)/.runtime
	$(PY) -m ecosystem validate

release: $(VENV)/.runtime
	$(PY) -m ecosystem release

report: $(VENV)/.runtime
	$(PY) -m ecosystem report

bench: $(VENV)/.runtime
	$(PY) -m tools.bench

# K app servers behind HAProxy, one PostgreSQL for the inbox, all on loopback (deploy/): Ctrl-C stops them all.
K ?= 3
serve-cluster: $(VENV)/.runtime
	$(PY) -m ecosystem release
	$(PY) -m deploy.cluster start --servers $(K) --port $(PORT)

# Stops a set left running by serve-cluster (its pid file).
stop-cluster:
	$(PY) -m deploy.cluster stop

# N readers over Streamlit's websocket against the app at URL (loopback only): p50/p95/max, errors, memory, CPU.
N ?= 10
URL ?= http://127.0.0.1:$(PORT)
loadtest: $(VENV)/.test
	$(PY) -m tools.loadtest $(URL) --sessions $(N)

screenshots: $(VENV)/.test
	$(PY) tools/screenshots.py

# The one-page press kit in French and English (static/presskit/), printed by Debian's chromium.
presskit: $(VENV)/.test
	$(PY) -m tools.presskit
