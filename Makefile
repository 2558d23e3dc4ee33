# Two commands from a fresh clone: `make run` and `make test`. Everything installs into .venv,
# exactly the versions (and hashes) recorded in uv.lock.
PYTHON ?= python3
# Let Python keep its compiled modules (some shells set this): the suite starts ~100 processes
# (live servers, workers, CLIs), each otherwise compiling every module it imports from source.
unexport PYTHONDONTWRITEBYTECODE
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# The lock tool. Keep in step with the `uv==` pin in pyproject.toml (tests/ops/test_lock.py checks).
UV_VERSION := 0.13.8
UV := $(BIN)/uv

.PHONY: run demo test test-pg ci install lock lock-check lint format typecheck openapi client migrate bench \
	bench-persist bench-replay bench-audit clean

# Bootstrap: a venv holding just uv; `uv sync` then makes it exactly the locked set (uv included).
$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

# --locked: refuse (and say `make lock`) when pyproject.toml has changed since uv.lock was written.
$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --extra dev
	touch $(STAMP)

install: $(STAMP)

# Re-resolve after a change to pyproject.toml (keeps every pin that still fits; ARGS=--upgrade moves
# them all to the newest allowed, ARGS="--upgrade-package NAME" one). Commit uv.lock with the change.
lock: | $(UV)
	$(UV) lock $(ARGS)

# Does uv.lock still match pyproject.toml? (No network; also run by the suite.)
lock-check: | $(UV)
	$(UV) lock --check --offline

run: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/safesteps serve --host 127.0.0.1 --port $(PORT)

# The auditors' workspace with demonstration data: a fresh SQLite file under data/ with four invented
# forces over the last year, an auditor key printed once, the server on http://127.0.0.1:8000/ui/.
DEMO_DB ?= data/demo.db
DEMO_PORT ?= 8000
demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	SAFESTEPS_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/safesteps demo seed --incidents 4000
	@echo; echo "Sign in at http://127.0.0.1:$(DEMO_PORT)/ui/ with this auditor key (shown once):"
	@SAFESTEPS_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/safesteps keys create --name "Demo auditor" --role auditor
	@echo
	SAFESTEPS_DATABASE_URL=sqlite:///$(DEMO_DB) RUST_BACKTRACE=0 $(BIN)/safesteps serve --host 127.0.0.1 --port $(DEMO_PORT)

# The suite runs on every core: one pytest-xdist worker process per core, each with its own SQLite
# template and PostgreSQL schema; worksteal evens out the few long tests (live servers, replays).
# PYTEST_WORKERS=0 runs it in this one process (for -x, -s or a debugger); see CONTRIBUTING.md.
PYTEST_WORKERS ?= auto
PYTEST := RUST_BACKTRACE=0 $(BIN)/python -m pytest --numprocesses=$(PYTEST_WORKERS) --dist=worksteal

test: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/safesteps rules check
	RUST_BACKTRACE=0 $(BIN)/safesteps rules test
	$(PYTEST) $(PYTEST_ARGS)

# What CI runs (.ci/run): the lock, lint and types first (seconds), then the suite under coverage
# with the floor set in pyproject.toml ([tool.coverage.report] fail_under).
ci: lock-check lint typecheck
	$(MAKE) test PYTEST_ARGS="--cov --cov-report=term:skip-covered"

# The suite again with PostgreSQL too (a local server with trust auth, database `test`).
test-pg: $(STAMP)
	SAFESTEPS_TEST_DATABASE_URL=$${SAFESTEPS_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(PYTEST) $(PYTEST_ARGS)

# Upgrade the database named by SAFESTEPS_DATABASE_URL (default: the SQLite file under data/).
migrate: $(STAMP)
	$(BIN)/safesteps migrate

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks scripts
	$(BIN)/ruff format --check app tests benchmarks scripts

format: $(STAMP)
	$(BIN)/ruff format app tests benchmarks scripts
	$(BIN)/ruff check --fix app tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy app tests clients/python/safesteps_client

openapi: $(STAMP)
	$(BIN)/python scripts/export_openapi.py

# Regenerate the Python client in clients/python from openapi/openapi.json (after `make openapi`).
client: $(STAMP)
	$(BIN)/python scripts/generate_client.py

bench: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/python -m benchmarks

# Persisted submissions vs stateless evaluate by server CPU, SQLite and PostgreSQL (when it answers).
bench-persist: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/python -m benchmarks persistence $(ARGS)
# Replay benchmark: one and two replay-worker processes vs the in-memory engine, SQLite and
# PostgreSQL (ARGS="--incidents 100000" for the full size); see benchmarks/replay.py.
bench-replay: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/python -m benchmarks replay $(ARGS)

# Dashboard queries at 1M decisions on PostgreSQL (database bench_audit, made and dropped) and 100k on
# SQLite, p95 against 300 ms; ARGS="--quick" for a small run. See benchmarks/audit.py.
bench-audit: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/python benchmarks/audit.py $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
