# Every target sets itself up: a fresh machine needs only python3 (>=3.10) and make.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: constraints run test debs browser postgres redis bench-store bench-backfill bench-detect bench-claims lint screenshot fuzz bench-load bench-translate convert
# The CPU-only torch build, for `python -m models install` and its conversion test: PyPI's
# default torch wheel pulls gigabytes of CUDA libraries. The pin is the release tested here.
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
TORCH_VERSION ?= 2.13.0
# The versions every install here was tested with (`pip freeze` of a CI run's venv, the project
# itself left out): an install next month resolves to the same. Regenerate with
# `make constraints` after changing dependencies, and review the diff.
PIP_C := -c constraints.txt

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(PIP_C) -e '.[test]'
	touch $@

# Benchmark contenders (langdetect, torch, transformers) and linters: only for the targets below.
$(VENV)/.bench: $(VENV)/.installed $(VENV)/.convert pyproject.toml
	$(PY) -m pip install -q $(PIP_C) -e '.[test,bench]'
	touch $@

$(VENV)/.lint: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q $(PIP_C) -e '.[test,lint]'
	touch $@

# torch from the CPU index (PyPI is the fallback index for its dependencies), then the rest of
# the convert extra. `--retries 1`: where the CPU index is out of reach, fail over quickly.
$(VENV)/.convert: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q --retries 1 --index-url $(TORCH_INDEX) \
	  --extra-index-url https://pypi.org/simple 'torch==$(TORCH_VERSION)'
	$(PY) -m pip install -q $(PIP_C) -e '.[test,convert]'
	touch $@

convert: $(VENV)/.convert

# Rewrite constraints.txt from this venv (after `make test bench-claims`, so every extra is in).
constraints:
	echo "# Versions tested here: pip freeze of the venv (\`make constraints\`); review the diff." \
	  > constraints.txt
	$(PY) -m pip freeze --exclude-editable | grep -v '^supplybrief' | sort -f >> constraints.txt

# Ray Data for `backfill --engine ray` and its tests (tests/test_backfill_ray.py): the `ray` extra,
# about 600 MB, so only for the targets that need it.
$(VENV)/.ray: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q $(PIP_C) -e '.[test,ray]'
	touch $@

lint: $(VENV)/.lint
	$(VENV)/bin/ruff check service models tests bench scripts
	$(VENV)/bin/mypy service models

run: $(VENV)/.installed
	$(PY) -m service serve --host $(HOST) --port $(PORT)

# Lint first (ruff + mypy --strict), then every test, the model-conversion test included (it
# needs the CPU torch build of `convert`). Two pytest-xdist workers: on the 2-core CI machine the
# suite takes about 6 minutes instead of 9.5. Each worker loads the four pipelines (about 1.5 GB),
# so more workers are a choice: `make test PYTEST_WORKERS=4`; 0 runs in one process.
PYTEST_WORKERS ?= 2
test: $(VENV)/.installed $(VENV)/.convert $(VENV)/.ray debs lint
	$(PY) -m pytest -n $(PYTEST_WORKERS)

# Debian packages for the tests that need a real browser or server: Chromium + ChromeDriver for
# the page tests (tests/test_page_browser.py), the PostgreSQL server binaries for the store tests
# (tests/pg_server.py starts a throwaway server; the package's own cluster is not started) and
# redis-server for the shared rate-limit test (it starts its own on a free port). The missing ones
# are installed in one apt-get run when this user can (root with apt-get, as in CI); otherwise
# those tests skip (and fail under CI=true).
DEBS_CHECK = \
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || echo chromium chromium-driver; \
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || echo postgresql; \
  command -v redis-server >/dev/null || echo redis-server
debs:
	@missing="$$( { $(DEBS_CHECK); } | tr '\n' ' ')"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "not installed and not root: $$missing; the tests that need them will skip"; fi
browser postgres redis: debs

# Store ingest throughput and /v1/claims latency at 10,000 and 100,000 claims, SQLite and
# PostgreSQL (bench/bench_store.py; ARGS="--skip-postgres" without the server binaries).
bench-store: $(VENV)/.installed postgres
	$(PY) bench/bench_store.py $(ARGS)

# Schemathesis with at least 1,000 generated requests per endpoint (the default run does ~25).
fuzz: $(VENV)/.installed
	FUZZ_EXAMPLES=1000 $(PY) -m pytest tests/test_fuzz.py

# 32 clients for 2 minutes against uvicorn on 127.0.0.1 (ARGS="--duration 30" to shorten).
bench-load: $(VENV)/.bench
	$(PY) bench/load.py $(ARGS)

# Back-fill articles/s, --engine local vs --engine ray, with the random-weight transformer-big.
bench-backfill: $(VENV)/.ray
	$(PY) bench/bench_backfill.py $(ARGS)

bench-detect: $(VENV)/.bench
	$(PY) bench/bench_detect.py

# Development and both held-out sets' figures, each beside the extractor the issue measured
# (705296d, run from a temporary worktree), then claims speed. BASELINE= (empty) skips the baseline.
BASELINE ?= 705296d
bench-claims: $(VENV)/.installed
	$(PY) bench/bench_claims.py --set all $(if $(BASELINE),--baseline $(BASELINE))
	$(PY) bench/bench_claims_speed.py

# Translation speed, floor vs service vs transformers (bench/README.md); ~10 min on 2 idle cores.
# Builds the random-weight transformer-big once (bench/models/, gitignored). ARGS="--tune" tunes.
bench-translate: $(VENV)/.bench
	@test -f bench/models/ct2-big-int8/model.bin -a -f bench/models/hf-marian-big/config.json \
	  || $(PY) bench/build_big_model.py
	$(PY) bench/bench_translate.py $(ARGS)

# The page at / with the Swedish seed briefed, as PNG (needs Debian's chromium + chromium-driver).
# MODEL_DIR=path/to/ct2-model fills the English pane; default: the configured model, if any.
screenshot: $(VENV)/.installed
	$(PY) scripts/screenshot.py --out screenshots/page.png $(if $(MODEL_DIR),--model-dir $(MODEL_DIR))
