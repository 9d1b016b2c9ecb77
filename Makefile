# mh-warehouse. Only python3 (3.11+), make and git are assumed; everything else is installed
# into .venv from the pinned requirements.txt (once: a second run installs nothing).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE ?= warehouse/mh.duckdb
EXPORT_DIR ?= exports
SOURCE_DIR ?=
TEST_WAREHOUSE ?= warehouse/test/mh.duckdb
TEST_EXPORT_DIR ?= warehouse/test/exports

export WAREHOUSE EXPORT_DIR
export DBT_PROFILES_DIR := .
export PYTHONPATH := $(CURDIR)/scripts
MHW := $(BIN)/python -m mhw

SPARK_VENV := .venv-spark
SPARK_DIR ?= warehouse/spark

.PHONY: install build test lint pytest dbt-test docs clean lock test-spark bench

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@echo "==> Creating $(VENV) from requirements.txt (pinned)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@printf 'export DBT_PROFILES_DIR="$$(cd "$$(dirname "$${BASH_SOURCE[0]:-$$0}")/.." \&\& pwd)"\nexport PYTHONPATH="$$DBT_PROFILES_DIR/scripts$${PYTHONPATH:+:$$PYTHONPATH}"\n' >> $(BIN)/activate
	@touch $@

build: install
	$(MHW) build $(if $(SOURCE_DIR),--source-dir "$(SOURCE_DIR)") --warehouse "$(WAREHOUSE)" --export-dir "$(EXPORT_DIR)"

test: install lint pytest dbt-test

lint: install
	@echo "==> ruff"
	$(BIN)/ruff check scripts tests
	@echo "==> sqlfluff"
	@mkdir -p "$(dir $(WAREHOUSE))"  # the dbt templater opens the warehouse file (created empty on a fresh clone)
	$(BIN)/sqlfluff lint models macros tests --processes 2

pytest: install
	@echo "==> pytest"
	$(BIN)/pytest tests/python

dbt-test: install
	@echo "==> dbt build on the demo"
	$(MHW) build --warehouse "$(TEST_WAREHOUSE)" --export-dir "$(TEST_EXPORT_DIR)"

# The SQL models and tests on Spark (dbt-spark, local session; dbt Python models are excluded there:
# tag `python`), then every mart compared row for row with the DuckDB build of the same demo.
$(SPARK_VENV)/.installed: requirements-spark.txt
	@echo "==> Creating $(SPARK_VENV) from requirements-spark.txt (pinned; pyspark builds from source once)"
	@test -x $(SPARK_VENV)/bin/python || $(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	@touch $@

test-spark: install $(SPARK_VENV)/.installed
	@echo "==> DuckDB build of the demo (the reference)"
	$(MHW) build --warehouse "$(TEST_WAREHOUSE)" --export-dir "$(TEST_EXPORT_DIR)" --no-docs
	@echo "==> dbt build --target spark"
	rm -rf "$(SPARK_DIR)" && mkdir -p "$(SPARK_DIR)"
	$(MHW) landing-parquet --warehouse "$(TEST_WAREHOUSE)" --out "$(SPARK_DIR)/landing"
	MHW_STAGE_DIR="$(abspath $(SPARK_DIR))/landing" MHW_SPARK_DIR="$(SPARK_DIR)" \
	  $(SPARK_VENV)/bin/dbt build --target spark --target-path target/spark --exclude tag:python
	@echo "==> Spark marts vs DuckDB marts"
	MHW_SPARK_DIR="$(SPARK_DIR)" $(SPARK_VENV)/bin/python -m mhw.spark_compare --duckdb "$(TEST_WAREHOUSE)" \
	  --manifest target/spark/manifest.json

# Benchmarks (never part of make test): England-scale inputs generated under bench/data/ (not
# committed), every measurement the median of 3 runs; writes bench/results.md and bench/results.png.
bench: install $(SPARK_VENV)/.installed
	$(BIN)/python -m mhw.bench $(BENCH_ARGS)

docs: install
	$(BIN)/dbt docs generate --static
	@echo "dbt docs: target/static_index.html"

lock:
	rm -rf /tmp/mhw-lock && $(PYTHON) -m venv /tmp/mhw-lock
	/tmp/mhw-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned, tested together (pip freeze of requirements.in). Regenerate: make lock"; \
	  /tmp/mhw-lock/bin/pip freeze; } > requirements.txt

clean:
	rm -rf target logs warehouse exports
