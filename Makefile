# Every target sets itself up: a fresh machine needs only python3 (>=3.10) and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench-detect lint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $@

run: $(VENV)/.installed
	$(PY) -m service serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest

bench-detect: $(VENV)/.installed
	$(PY) bench/bench_detect.py
