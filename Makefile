# mh-warehouse. Only python3 (3.11+), make and git are assumed; everything else is installed
# into .venv from the pinned requirements.txt (once: a second run installs nothing).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE ?= warehouse/mh.duckdb
EXPORT_DIR ?= exports
SOURCE_DIR ?=
# FULL_REFRESH=1: rebuild every month from an empty warehouse (default: incremental months when possible)
FULL_REFRESH ?=
TEST_WAREHOUSE ?= warehouse/test/mh.duckdb
TEST_EXPORT_DIR ?= warehouse/test/exports
LINT_WAREHOUSE := target/lint/mh.duckdb

export WAREHOUSE EXPORT_DIR
export DBT_PROFILES_DIR := .
MHW := $(BIN)/mhw

SPARK_VENV := .venv-spark
# .venv-spark does not install mhw (it may be a link to another clone's): it finds it on PYTHONPATH
SPARK_PYTHONPATH := PYTHONPATH=$(CURDIR)/scripts
SPARK_DIR ?= warehouse/spark

.PHONY: install build test lint pytest dbt-test analyses docs clean lock test-spark bench

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@echo "==> Creating $(VENV) from requirements.txt (pinned)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@echo "==> Installing the mhw package (editable: scripts/mhw) and its console script $(BIN)/mhw"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@# `source .venv/bin/activate` also points dbt at this repository's profiles.yml (replacing what an
	@# older install appended: a broken line and a PYTHONPATH that the editable install makes unneeded)
	@sed -i '/^export DBT_PROFILES_DIR=/d; /^export PYTHONPATH=.*scripts/d' $(BIN)/activate
	@echo 'export DBT_PROFILES_DIR="$(CURDIR)"' >> $(BIN)/activate
	@touch $@

build: install
	$(MHW) build $(if $(SOURCE_DIR),--source-dir "$(SOURCE_DIR)") $(if $(FULL_REFRESH),--full-refresh) \
		--warehouse "$(WAREHOUSE)" --export-dir "$(EXPORT_DIR)"

test: install lint pytest dbt-test analyses

lint: install
	@echo "==> ruff"
	$(BIN)/ruff check scripts tests
	@echo "==> sqlfluff"
	@# the dbt templater and dbt parse open the warehouse file: a scratch one, never the delivered warehouse
	@mkdir -p "$(dir $(LINT_WAREHOUSE))"
	WAREHOUSE="$(LINT_WAREHOUSE)" $(BIN)/sqlfluff lint models macros tests analyses --processes 2
	@echo "==> dbt-score (documentation and tests of every model, seed, source, macro and exposure)"
	WAREHOUSE="$(LINT_WAREHOUSE)" $(BIN)/dbt parse --quiet --target-path target/score
	$(BIN)/dbt-score lint --manifest target/score/manifest.json --fail-project-under 9.5 --fail-any-item-under 8

pytest: install
	@echo "==> pytest"
	$(BIN)/pytest tests/python

dbt-test: install
	@echo "==> dbt build on the demo (every month: incremental builds are tested by tests/python/test_incremental.py)"
	$(MHW) build --full-refresh --warehouse "$(TEST_WAREHOUSE)" --export-dir "$(TEST_EXPORT_DIR)"

# The example analyses (analyses/*.sql) compiled and run on the demo warehouse, outputs checked for shape
analyses: install
	@echo "==> example analyses on the demo"
	$(MHW) analyses --warehouse "$(TEST_WAREHOUSE)"

# The SQL models and tests on Spark (dbt-spark, local session; dbt Python models are excluded there:
# tag `python`), then every mart compared row for row with the DuckDB build of the same demo.
$(SPARK_VENV)/.installed: requirements-spark.txt
	@echo "==> Creating $(SPARK_VENV) from requirements-spark.txt (pinned; pyspark builds from source once)"
	@test -x $(SPARK_VENV)/bin/python || $(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	@touch $@

test-spark: install $(SPARK_VENV)/.installed
	@echo "==> DuckDB build of the demo (the reference)"
	$(MHW) build --full-refresh --warehouse "$(TEST_WAREHOUSE)" --export-dir "$(TEST_EXPORT_DIR)" --no-docs
	@echo "==> dbt build --target spark"
	rm -rf "$(SPARK_DIR)" && mkdir -p "$(SPARK_DIR)"
	$(MHW) landing-parquet --warehouse "$(TEST_WAREHOUSE)" --out "$(SPARK_DIR)/landing"
	MHW_STAGE_DIR="$(abspath $(SPARK_DIR))/landing" MHW_SPARK_DIR="$(SPARK_DIR)" \
	  $(SPARK_VENV)/bin/dbt build --target spark --target-path target/spark --exclude tag:python
	@echo "==> Spark marts vs DuckDB marts"
	$(SPARK_PYTHONPATH) MHW_SPARK_DIR="$(SPARK_DIR)" $(SPARK_VENV)/bin/python -m mhw.spark_compare --duckdb "$(TEST_WAREHOUSE)" \
	  --manifest target/spark/manifest.json

# Benchmarks (never part of make test): England-scale inputs generated under bench/data/ (not
# committed), every measurement the median of 3 runs; writes bench/results.md and bench/results.png.
bench: install $(SPARK_VENV)/.installed
	$(BIN)/python -m mhw.bench $(BENCH_ARGS)

# The docs always describe the project itself on the demo (which has every domain), whatever the last
# build was: the catalog comes from the demo warehouse of make test (built here once if missing), the
# artefacts go to target/docs/ (not overwritten by later builds), the page is copied to target/.
DOCS_WAREHOUSE ?= $(TEST_WAREHOUSE)
docs: install
	@test -f "$(DOCS_WAREHOUSE)" || $(MHW) build --warehouse "$(DOCS_WAREHOUSE)" --export-dir "$(TEST_EXPORT_DIR)" --no-docs
	WAREHOUSE="$(DOCS_WAREHOUSE)" $(BIN)/dbt docs generate --static --target-path target/docs
	cp target/docs/static_index.html target/static_index.html
	@echo "dbt docs: target/static_index.html (the project on the demo; artefacts in target/docs/)"

lock:
	rm -rf /tmp/mhw-lock && $(PYTHON) -m venv /tmp/mhw-lock
	/tmp/mhw-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned, tested together (pip freeze of requirements.in). Regenerate: make lock"; \
	  /tmp/mhw-lock/bin/pip freeze --all | grep -v -e '^pip==' -e '^setuptools=='; } > requirements.txt

clean:
	rm -rf target logs warehouse exports
