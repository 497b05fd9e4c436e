# Two commands for a newcomer: `make run` and `make test`. Both bootstrap .venv from nothing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
UV := uv==0.13.8
CORPUS ?= corpus
OUT ?= outputs

.PHONY: run test test-fast lint types pytest install bench clean lock

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==24.3.1

# Every dependency from a wheel (no compiler), at the hashes of $(LOCK); then extract itself.
$(STAMP): $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet --only-binary=:all: --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --only-binary=:all: --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/extract run $(CORPUS) --out $(OUT)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

types: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/pytest

test: lint types pytest

# Unit tests that need no spaCy model (seconds): a model-loading test not marked `model` fails.
test-fast: $(STAMP)
	EXTRACT_MODEL=no-model-in-fast-tests $(BIN)/pytest -q -m "not model"

bench: $(STAMP)
	$(BIN)/python benchmarks/entities_eval.py

# Re-resolve $(LOCK) from pyproject.toml (runtime, dev and export dependencies, every
# transitive one pinned with its hashes, wheels only, for Python 3.11 on every platform), with
# uv in a throwaway venv. Run after changing a dependency in pyproject.toml; tests/test_lock.py
# checks.
lock:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH"; exit 2; }
	tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp \
	  && $$tmp/bin/python -m pip install --quiet --only-binary=:all: '$(UV)' \
	  && $$tmp/bin/uv pip compile pyproject.toml --extra dev --extra export --universal \
	     --python-version 3.11 --only-binary :all: --generate-hashes \
	     --custom-compile-command 'make lock' --quiet -o $(LOCK); status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
