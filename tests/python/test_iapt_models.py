"""IAPT outcomes: a landing zone with only iapt_records/ builds the domain alone; the SQL flags give
back what the demo planted; the recommended model recovers the planted odds ratios; the plots."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from mhw.build import build
from mhw.demo import iapt_records as demo
from mhw.demo.world import build_world
from mhw.export.iapt_plots import FILES
from mhw.stats import iapt_models
from mhw.warehouse import connect


@pytest.fixture(scope="module")
def iapt_only(tmp_path_factory):
    root = tmp_path_factory.mktemp("iapt_only")
    landing = root / "landing"
    demo.write(build_world(), landing, 1.0)
    warehouse = root / "wh" / "mh.duckdb"
    exports = root / "exports"
    build(landing, warehouse, exports, docs=False, log=lambda *_: None)
    con = connect(warehouse)
    yield con, exports
    con.close()


def _df(con, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def test_iapt_records_alone_builds_the_domain(iapt_only):
    con, _ = iapt_only
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {
        "fct_iapt_referral_outcomes", "fct_iapt_recovery_segments", "iapt_recovery_model_coefficients",
        "iapt_recovery_model_metrics",
    } <= tables
    # the reference topic was absent: its models and the CCG21 breakdown (which needs the geography) were skipped
    assert "stg_ods__eccg" not in tables and "int_iapt__ccg_indicators" not in tables


def test_sql_definitions_reproduce_the_planted_flags(iapt_only):
    con, _ = iapt_only
    planted, *_ = demo.simulate(build_world(), 1.0)
    sql = _df(con, "select * from fct_iapt_referral_outcomes").set_index("referral_id")
    assert len(sql) == len(planted)
    expected = pd.DataFrame([
        {
            "referral_id": r.referral_id, "is_finished_treatment": r.is_finished_treatment,
            "is_caseness": r.is_caseness, "is_recovered": r.is_recovered,
            "attended_treatment_contacts": r.treatment_sessions, **r.employment,
        }
        for r in planted
    ]).set_index("referral_id")
    sql = sql.loc[expected.index]
    for column in expected.columns:
        mismatched = (sql[column].astype(int) != expected[column].astype(int)).sum()
        assert mismatched == 0, f"{column}: {mismatched} referrals differ from the planted value"
    waits = pd.Series({r.referral_id: r.wait_days for r in planted if r.wait_days is not None})
    assert (sql.loc[waits.index, "wait_days"].astype(int) == waits.astype(int)).all()
    # the noise is there: open and unfinished referrals, unknown IMD, age exactly 18
    assert sql["discharge_date"].isna().any() and (~sql["is_finished_treatment"]).sum() > 1000
    assert sql["imd_decile"].isna().any() and (sql["age_at_referral"] == 18).any()


def _recommended_all(con) -> pd.DataFrame:
    return _df(
        con,
        "select * from iapt_recovery_model_coefficients where model = 'recommended' and segment = 'All'",
    ).set_index("term")


def test_recommended_model_recovers_the_planted_odds_ratios(iapt_only):
    con, _ = iapt_only
    fitted = _recommended_all(con)
    assert "Intercept" in fitted.index
    for term, planted in demo.PLANTED_ODDS_RATIOS.items():
        row = fitted.loc[term]
        interval = f"{row.ci_low:.3f}-{row.ci_high:.3f}"
        assert row.ci_low <= planted <= row.ci_high, f"{term}: planted {planted} outside {interval}"
        assert row.odds_ratio == pytest.approx(np.exp(row.log_odds))
        if term != demo.PLANTED_NULL:
            assert row.p_value < 0.05, f"{term}: planted effect {planted} not detected (p={row.p_value:.3g})"


def test_planted_null_effect_is_not_significant(iapt_only):
    con, _ = iapt_only
    row = _recommended_all(con).loc[demo.PLANTED_NULL]
    assert row.p_value >= 0.05
    assert row.ci_low <= 1.0 <= row.ci_high


def test_faithful_model_has_no_intercept_and_segments_really_filtered(iapt_only):
    con, _ = iapt_only
    faithful = _df(con, "select * from iapt_recovery_model_coefficients where model = 'faithful'")
    assert "Intercept" not in set(faithful["term"])
    assert set(faithful["term"]) == {"imd_decile_scaled", *iapt_models.FAITHFUL_FLAGS}
    by_segment = faithful.pivot(index="segment", columns="term", values="log_odds")
    assert by_segment.loc["gender=Male"].to_numpy() != pytest.approx(by_segment.loc["gender=Female"].to_numpy())
    n = faithful.groupby("segment")["n"].first()
    assert n["gender=Male"] + n["gender=Female"] < n["All"]


def test_faithful_age_quirk_puts_18_in_not_known(iapt_only):
    con, _ = iapt_only
    metrics = _df(con, "select model, segment, n from iapt_recovery_model_metrics").set_index(["model", "segment"])
    rows = iapt_models.modelled_rows(_df(con, "select * from fct_iapt_referral_outcomes"))
    aged_18 = int((rows["age_at_referral"] == 18).sum())
    assert aged_18 > 0
    band = "age_band=18-25"
    assert metrics.loc[("faithful", band), "n"] + aged_18 == metrics.loc[("recommended", band), "n"]


def test_metrics_precision_and_recall_the_right_way_round(iapt_only):
    con, _ = iapt_only
    metrics = _df(con, "select * from iapt_recovery_model_metrics where status = 'fitted'")
    row = metrics.set_index(["model", "segment"]).loc[("recommended", "All")]
    observed, predicted = iapt_models.holdout(
        iapt_models.modelled_rows(_df(con, "select * from fct_iapt_referral_outcomes")), "recommended"
    )
    predicted_yes = predicted >= 0.5
    true_positive = (predicted_yes & (observed == 1)).sum()
    assert row.precision == pytest.approx(true_positive / predicted_yes.sum())
    assert row.recall == pytest.approx(true_positive / (observed == 1).sum())
    assert 0.5 < row.auc < 1 and 0 < row.brier_score < 0.25
    assert 0.5 < row.calibration_slope < 1.5


def test_skipped_segments_are_listed_with_a_reason(iapt_only):
    con, _ = iapt_only
    metrics = _df(con, "select * from iapt_recovery_model_metrics")
    skipped = metrics[metrics["status"] == "skipped"]
    assert len(skipped) > 0 and skipped["reason"].notna().all()
    assert metrics.loc[metrics["status"] == "fitted", "reason"].isna().all()
    fitted = set(metrics.loc[metrics["status"] == "fitted", ["model", "segment"]].itertuples(index=False, name=None))
    coefficients = _df(con, "select distinct model, segment from iapt_recovery_model_coefficients")
    assert set(coefficients.itertuples(index=False, name=None)) == fitted
    # a skipped segment really lacks events per parameter (or failed to fit)
    for row in skipped.itertuples():
        assert (min(row.events, row.n - row.events) < 10 * row.parameters) or row.reason.startswith("fit failed")


def _round5(count: float) -> int:
    return math.floor(count / 5 + 0.5) * 5


def test_segment_recovery_rates_have_wilson_intervals(iapt_only):
    """Rates and Wilson intervals are those of the published (rounded) counts, in whole percent."""
    from statsmodels.stats.proportion import proportion_confint

    con, _ = iapt_only
    outcomes = _df(con, "select * from fct_iapt_referral_outcomes where is_finished_treatment and is_caseness")
    segments = _df(con, "select * from fct_iapt_recovery_segments where breakdown in ('All', 'imd_decile')")
    checked = 0
    for row in segments.itertuples():
        part = outcomes if row.imd_decile == "All" else (
            outcomes[outcomes["imd_decile"].isna()] if row.imd_decile == "Not known"
            else outcomes[outcomes["imd_decile"] == int(row.imd_decile)]
        )
        recovered, finished = int(part["is_recovered"].sum()), len(part)
        if recovered < 5 or finished < 5:
            assert pd.isna(row.recovery_rate_pct) and pd.isna(row.recovery_rate_ci_low_pct)
            continue
        low, high = proportion_confint(_round5(recovered), _round5(finished), alpha=0.05, method="wilson")
        assert row.recovery_rate_ci_low_pct == pytest.approx(100 * low, abs=0.501)
        assert row.recovery_rate_ci_high_pct == pytest.approx(100 * high, abs=0.501)
        assert row.recovery_rate_pct == pytest.approx(100 * _round5(recovered) / _round5(finished), abs=0.501)
        assert row.recovery_rate_pct == round(row.recovery_rate_pct)  # whole percent
        assert row.finished_at_caseness == _round5(finished) and row.recovered == _round5(recovered)
        checked += 1
    assert checked > 5


def test_segment_table_grouping_sets_and_suppression(iapt_only):
    con, _ = iapt_only
    segments = _df(con, "select * from fct_iapt_recovery_segments")
    assert (segments["breakdown"] == "All").sum() == 1
    assert segments["breakdown"].nunique() == 1 + 5 + 10  # All, each dimension, each pair
    counts = ["finished", "finished_at_caseness", "recovered", "reliably_improved"]
    for column in counts + ["recovery_rate_pct", "reliable_improvement_rate_pct"]:
        assert pd.api.types.is_numeric_dtype(segments[column]), column  # no '*' text in numbers
    suppressed = segments[segments["is_suppressed"]]
    assert len(suppressed) > 0
    assert (suppressed[counts].isna().any(axis=1)).all()
    no_rate = segments["recovery_rate_pct"].isna()
    assert segments.loc[no_rate, "recovery_rate_ci_low_pct"].isna().all()
    shown = pd.to_numeric(segments[counts].stack(), errors="coerce").dropna()  # suppressed (null) left out
    assert len(shown) > 0 and ((shown % 5 == 0) & (shown >= 5)).all()


def test_plots_are_written(iapt_only):
    _, exports = iapt_only
    for name in FILES.values():
        path = exports / name
        assert path.exists() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    assert (exports / "fct_iapt_recovery_segments.csv").exists()
    assert not (exports / "fct_iapt_referral_outcomes.csv").exists()  # record level: never exported


def test_demo_grows_with_scale():
    small, *_ = demo.simulate(build_world(), 0.1)
    assert len(small) == round(demo.REFERRALS_PER_SCALE * 0.1)
