"""The profile's indicator metadata: seeds, the wide profile's documented columns and the
map/GeoJSON export module agree."""

from __future__ import annotations

import csv

import yaml

from conftest import REPO

SEEDS = sorted((REPO / "seeds" / "indicators").glob("*_indicators.csv"))
FIELDS = ["indicator_id", "indicator_name", "unit", "source", "polarity", "period_description", "profile_column"]


def seed_rows():
    for path in SEEDS:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == FIELDS, path.name
            for row in reader:
                yield path.name, row


def test_indicator_ids_and_profile_columns_unique_and_valid():
    ids, columns = [], []
    for name, row in seed_rows():
        assert row["polarity"] in ("higher_is_better", "lower_is_better", "neutral"), (name, row["indicator_id"])
        ids.append(row["indicator_id"])
        if row["profile_column"]:
            assert row["profile_column"].isidentifier() and row["profile_column"] == row["profile_column"].lower()
            columns.append(row["profile_column"])
    assert len(ids) == len(set(ids))
    assert len(columns) == len(set(columns))


def test_every_profile_column_is_documented_and_nothing_else():
    doc = yaml.safe_load((REPO / "models" / "marts" / "profile" / "_profile__models.yml").read_text())
    model = next(m for m in doc["models"] if m["name"] == "fct_ccg_mental_health_profile")
    documented = [c["name"] for c in model["columns"]]
    expected = ["ccg21_ons_code", "ccg21_ods_code", "ccg21_name"]
    expected += [row["profile_column"] for _, row in seed_rows() if row["profile_column"]]
    assert sorted(documented) == sorted(expected)
    for column in model["columns"][3:]:
        assert "Source:" in column["description"] and "Period:" in column["description"], column["name"]


def test_every_seed_is_unioned_into_dim_indicators():
    sql = (REPO / "models" / "marts" / "profile" / "dim_indicators.sql").read_text()
    for path in SEEDS:
        assert f"'{path.stem}'" in sql, f"{path.stem} missing from dim_indicators"
