# make run: start the dashboard. make lint: ruff and mypy. make test: ruff, then every test (pytest-xdist over the
# cores, each worker with its own browser-test server) with mypy beside them; it fails if either does. Each creates
# .venv and installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# PyTorch's CPU index (in requirements.txt, for Streamlit Cloud) may be out of reach: fail over to PyPI at once.
export PIP_RETRIES ?= 0
export PIP_TIMEOUT ?= 5
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# uv installs without compiling bytecode (every package, 30 CPU-s here); Python writes the bytecode of the modules
# that are imported as they are first imported, even where the environment says PYTHONDONTWRITEBYTECODE (an empty
# value counts as unset), so no test process compiles torch again
export PYTHONDONTWRITEBYTECODE :=

.PHONY: run test lint bench scaling browser clean

$(STAMP): requirements.txt requirements-dev.txt scripts/install-requirements
	$(PYTHON) -m venv $(VENV)
	bash scripts/install-requirements $(BIN)/python
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

browser:
	@bash scripts/ensure-chromium

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy

# ruff first (a second); mypy beside the tests (it reads the code, they run it), its verdict counted at the end
test: $(STAMP) browser
	$(BIN)/python -m ruff check .
	@$(BIN)/python -m mypy > .mypy.log 2>&1 & mypy=$$!; \
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist worksteal; tests=$$?; \
	wait $$mypy; typed=$$?; cat .mypy.log; rm -f .mypy.log; \
	[ $$tests -eq 0 ] && [ $$typed -eq 0 ]

# every benchmark with a target, each printing met / NOT met (about 50 minutes; the class waits 3 minutes to settle;
# the small-container class needs root and cgroup-v1, and says so where it cannot run)
bench: $(STAMP) browser
	$(BIN)/python benchmarks/bench_trainers.py
	$(BIN)/python benchmarks/bench_dashboard.py
	$(BIN)/python benchmarks/bench_scaling_page.py
	$(BIN)/python benchmarks/bench_time_bounds.py
	$(BIN)/python benchmarks/bench_cold_page.py
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_load.py --compare-only
	$(BIN)/python benchmarks/bench_class_memory.py
	$(BIN)/python scripts/scaling_table.py --out artifacts/scaling_bench.csv

# measure the scaling study here and write bp_core/measure/tables/scaling_<date>.csv (a few minutes)
scaling: $(STAMP)
	$(BIN)/python scripts/scaling_table.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis artifacts
