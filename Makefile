# The README's commands. `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint e2e bench faults install migrate demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput && $(BIN)/python manage.py sync_schedules

demo: migrate
	$(BIN)/python manage.py load_demo

## Serve the demo on http://127.0.0.1:8000 with SQLite and eager tasks.
## Two-factor sign-in is optional in the demo (production requires it for staff; see README).
run: demo
	TWO_FACTOR_REQUIRED_ROLES=none $(BIN)/python manage.py runserver 127.0.0.1:8000

## The whole suite: lint, format check, unit, view and browser tests.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 2 --dist loadgroup

## Browser journeys only.
e2e: $(STAMP)
	$(BIN)/pytest tests/e2e -p no:xdist

## National-scale figures against PostgreSQL and Redis (DATABASE_URL, CELERY_BROKER_URL); see docs/performance.md.
## Loads the bench databases when missing; BENCH_ARGS="--fresh" reloads, "--spike-seconds 900" for a 15-minute spike.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## Fault tests: Redis stopped, a worker killed mid-task, simultaneous and late submissions (also in `make test`).
faults: $(STAMP)
	$(BIN)/pytest tests/faults -p no:xdist

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles
