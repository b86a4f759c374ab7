# The fixed entry points: a person and CI call exactly these.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export PORT

.PHONY: help install run test test-postgres lint format schema frontend clean

help:
	@echo "make run            install, build the web app, migrate, seed the demo, serve on http://$(HOST):$(PORT)"
	@echo "make test           run the whole test suite (TEST_DATABASE_URL selects PostgreSQL)"
	@echo "make test-postgres  run the suite on the local PostgreSQL database 'test'"
	@echo "make lint           ruff (format check and lint), mypy, and the web app's tsc, ESLint and Prettier"
	@echo "make schema         write schema.graphql from the code"
	@echo "make install        create .venv and install Hundi with its test tools"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

$(BIN)/hundi: $(BIN)/python pyproject.toml
	$(BIN)/pip install -e '.[test,dev]'
	@touch $(BIN)/hundi

install: $(BIN)/hundi

frontend:
	@if [ -f frontend/package.json ]; then \
		cd frontend && npm ci --no-audit --no-fund && npm run build; \
	fi

run: install frontend
	DEBUG=$${DEBUG:-true} $(BIN)/hundi migrate
	DEBUG=$${DEBUG:-true} $(BIN)/hundi seed-demo --if-empty
	@HOST=$(HOST) $(BIN)/python -m hundi.seed.accounts
	DEBUG=$${DEBUG:-true} $(BIN)/hundi serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

test-postgres: install
	TEST_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/test $(BIN)/pytest

lint: install
	$(BIN)/ruff format --check backend tests migrations bench
	$(BIN)/ruff check backend tests migrations bench
	$(BIN)/mypy
	@if [ -f frontend/package.json ]; then \
		cd frontend && npm ci --no-audit --no-fund && npm run check; \
	fi

format: install
	$(BIN)/ruff format backend tests migrations bench
	$(BIN)/ruff check --fix backend tests migrations bench

schema: install
	$(BIN)/hundi export-schema

clean:
	rm -rf $(VENV) var frontend/dist frontend/node_modules .pytest_cache .mypy_cache .ruff_cache
