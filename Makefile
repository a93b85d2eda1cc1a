# Set-up and everyday commands. `make run` and `make test` create the local
# virtual environment (.venv) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench bench-quick clean

$(BIN)/timeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/timeline

run: $(BIN)/timeline
	$(BIN)/timeline

test: $(BIN)/timeline
	$(BIN)/ruff check tui tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n auto

bench: $(BIN)/timeline
	$(BIN)/python tests/bench.py

bench-quick: $(BIN)/timeline
	$(BIN)/python tests/bench.py --sizes shipped,10000 --repeat 1

clean:
	rm -rf $(VENV) build *.egg-info
