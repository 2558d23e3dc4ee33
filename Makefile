# Two commands from a fresh clone: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test test-pg install lint format typecheck openapi migrate bench bench-persist bench-replay bench-audit clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/safesteps serve --host 127.0.0.1 --port 8000

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

test: $(STAMP)
	RUST_BACKTRACE=0 $(BIN)/safesteps rules check
	RUST_BACKTRACE=0 $(BIN)/safesteps rules test
	RUST_BACKTRACE=0 $(BIN)/python -m pytest

# The suite again with PostgreSQL too (a local server with trust auth, database `test`).
test-pg: $(STAMP)
	SAFESTEPS_TEST_DATABASE_URL=$${SAFESTEPS_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		RUST_BACKTRACE=0 $(BIN)/python -m pytest

# Upgrade the database named by SAFESTEPS_DATABASE_URL (default: the SQLite file under data/).
migrate: $(STAMP)
	$(BIN)/alembic upgrade head

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks scripts
	$(BIN)/ruff format --check app tests benchmarks scripts

format: $(STAMP)
	$(BIN)/ruff format app tests benchmarks scripts
	$(BIN)/ruff check --fix app tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy app

openapi: $(STAMP)
	$(BIN)/python scripts/export_openapi.py

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
