"""Recovery after IAPT treatment: multiple logistic regression per segment (statsmodels).

Used by the dbt Python models `iapt_recovery_model_coefficients` and `iapt_recovery_model_metrics`
(built by `dbt build`, so the warehouse is complete after `make build`) and by the plot export.
Input: `fct_iapt_referral_outcomes`; modelled rows = referrals that finished treatment at caseness
with a known IMD decile (complete cases); outcome = `is_recovered`.

Two specifications:

- `faithful`: the NHS Digital accelerator project (2022) as published: no intercept, IMD decile
  min-max scaled to 0..1 as one linear term, six binary flags (is_unemployed, is_sick_pay,
  is_benefits, is_jsa, is_within_6_weeks, has_6_plus_sessions). Its intentional quirks, kept:
  no intercept (every log-odds is forced through 0 at the all-zero baseline); no employment
  category, so part-timers sit in the same baseline as full-timers and unknown employment counts as
  employed; its age segments put age exactly 18 into "Not known" (`age > 18` instead of `>= 18`).
  Its defects, fixed: segment filters are applied before the model table is built (each segment is
  fitted on its own rows), odds ratios are computed, precision and recall are the right way round.
- `recommended`: with an intercept; `imd_decile` linear per decile step; is_unemployed,
  is_sick_pay, is_benefits, is_jsa, is_self_employed, is_within_6_weeks, has_6_plus_sessions; the
  exclusive employment category (reference Employed full-time; Unemployed is the is_unemployed
  term) and demographics with named reference levels (gender Female, age band 26-35, ethnic group
  White). A segment's own dimension is left out of its model; a term with no variation in a
  segment is left out.

Segments: `All`, then each value of gender, age band and ethnic group. A segment is fitted only
with at least 10 events and 10 non-events per parameter; otherwise it is listed in the metrics
table with the reason. Coefficients come from all modelled rows of the segment; the metrics (AUC,
Brier score, calibration slope, precision, recall, accuracy at 0.5) from a 30% hold-out after fitting
on the other 70% (a fixed random split).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SPLIT_SEED = 20220701
TEST_FRACTION = 0.3
EVENTS_PER_PARAMETER = 10
MODELS = ("faithful", "recommended")
FLAGS = (
    "is_unemployed",
    "is_sick_pay",
    "is_benefits",
    "is_jsa",
    "is_self_employed",
    "is_within_6_weeks",
    "has_6_plus_sessions",
)
FAITHFUL_FLAGS = ("is_unemployed", "is_sick_pay", "is_benefits", "is_jsa", "is_within_6_weeks", "has_6_plus_sessions")
# categorical terms of the recommended model: column -> (term prefix, reference level, levels left out)
CATEGORICAL = {
    "employment_category": ("employment", "Employed full-time", ("Unemployed",)),
    "gender": ("gender", "Female", ()),
    "age_band": ("age_band", "26-35", ()),
    "ethnic_group": ("ethnic_group", "White", ()),
}
SEGMENT_DIMENSIONS = ("gender", "age_band", "ethnic_group")

COEFFICIENT_COLUMNS = [
    "model", "segment", "term", "reference_level", "log_odds", "std_error", "odds_ratio", "ci_low", "ci_high",
    "p_value", "n",
]
METRIC_COLUMNS = [
    "model", "segment", "status", "reason", "n", "events", "parameters", "n_train", "n_test", "auc", "brier_score",
    "calibration_slope", "calibration_intercept", "precision", "recall", "accuracy",
]


def modelled_rows(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Referrals that finished treatment at caseness with a known IMD decile, in a stable order."""
    rows = outcomes[outcomes["is_finished_treatment"].astype(bool) & outcomes["is_caseness"].astype(bool)]
    rows = rows[rows["imd_decile"].notna()].sort_values("referral_id").reset_index(drop=True)
    is_18 = rows["age_at_referral"].eq(18).fillna(False).astype(bool)
    rows["age_band_faithful"] = rows["age_band"].where(~is_18, "Not known")  # the published quirk
    return rows


def segments(rows: pd.DataFrame, model: str) -> list[tuple[str, str | None, pd.DataFrame]]:
    """(segment name, its dimension or None, its rows): All, then each demographic value."""
    found: list[tuple[str, str | None, pd.DataFrame]] = [("All", None, rows)]
    for dimension in SEGMENT_DIMENSIONS:
        column = "age_band_faithful" if model == "faithful" and dimension == "age_band" else dimension
        for value in sorted(rows[column].dropna().unique()):
            found.append((f"{dimension}={value}", dimension, rows[rows[column] == value]))
    return found


def design(rows: pd.DataFrame, model: str, dimension: str | None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The design matrix (float columns named by term) and each term's reference level."""
    x = pd.DataFrame(index=rows.index)
    references: dict[str, str] = {}
    if model == "faithful":
        imd = rows["imd_decile"].astype(float)
        x["imd_decile_scaled"] = (imd - 1.0) / 9.0  # min-max over the decile range 1..10
        references["imd_decile_scaled"] = "IMD decile 1 (0) to 10 (1)"
        for flag in FAITHFUL_FLAGS:
            x[flag] = rows[flag].astype(float)
            references[flag] = "false"
        return _drop_constant(x, references)
    x["Intercept"] = 1.0
    references["Intercept"] = ""
    x["imd_decile"] = rows["imd_decile"].astype(float)
    references["imd_decile"] = "per decile step (1 = most deprived)"
    for flag in FLAGS:
        x[flag] = rows[flag].astype(float)
        references[flag] = "false"
    for column, (prefix, reference, left_out) in CATEGORICAL.items():
        if column == dimension:
            continue
        for level in sorted(rows[column].dropna().unique()):
            if level == reference or level in left_out:
                continue
            term = f"{prefix}: {level}"
            x[term] = (rows[column] == level).astype(float)
            references[term] = reference
    return _drop_constant(x, references)


def _drop_constant(x: pd.DataFrame, references: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    constant = [c for c in x.columns if c != "Intercept" and x[c].nunique() < 2]
    return x.drop(columns=constant), {k: v for k, v in references.items() if k not in constant}


def _skip_reason(y: pd.Series, parameters: int) -> str | None:
    events, non_events, needed = int(y.sum()), int(len(y) - y.sum()), EVENTS_PER_PARAMETER * parameters
    if min(events, non_events) < needed:
        return (
            f"{events} recovered and {non_events} not recovered: needs at least {needed} of each "
            f"({EVENTS_PER_PARAMETER} per parameter, {parameters} parameters)"
        )
    return None


def _fit(y: pd.Series, x: pd.DataFrame):
    """Maximum likelihood fit; raises ValueError when it does not converge (e.g. separation)."""
    import warnings

    import statsmodels.api as sm

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = sm.Logit(y.astype(float), x).fit(disp=0, maxiter=200)
    if not fit.mle_retvals.get("converged", False) or not np.all(np.isfinite(fit.bse)):
        raise ValueError("maximum likelihood did not converge (separation or a term too rare)")
    return fit


def fit_segment(part: pd.DataFrame, model: str, dimension: str | None):
    """(fit on all the segment's rows, design matrix, references, None) or (None, x, references, reason)."""
    x, references = design(part, model, dimension)
    y = part["is_recovered"].astype(float)
    reason = _skip_reason(y, x.shape[1])
    if reason is not None:
        return None, x, references, reason
    try:
        return _fit(y, x), x, references, None
    except Exception as error:
        return None, x, references, f"fit failed: {error}"


def _split(n: int) -> np.ndarray:
    """Boolean mask of the hold-out rows (fixed seed, so every run gives the same split)."""
    rng = np.random.default_rng(SPLIT_SEED)
    test = np.zeros(n, dtype=bool)
    test[rng.permutation(n)[: round(n * TEST_FRACTION)]] = True
    return test


def holdout(rows: pd.DataFrame, model: str, dimension: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Fit on 70% of `rows`, return (observed outcome, predicted probability) of the 30% hold-out."""
    x, _ = design(rows, model, dimension)
    y = rows["is_recovered"].astype(float)
    test = _split(len(rows))
    fit = _fit(y[~test], x[~test])
    return y[test].to_numpy(), np.asarray(fit.predict(x[test]))


def fit_coefficients(outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per model x fitted segment x term (coefficients from all the segment's rows)."""
    from scipy import stats

    rows = modelled_rows(outcomes)
    out: list[dict] = []
    for model in MODELS:
        for segment, dimension, part in segments(rows, model):
            fit, x, references, reason = fit_segment(part, model, dimension)
            if reason is not None:
                continue  # listed with the reason in the metrics table
            z = stats.norm.ppf(0.975)
            for term in x.columns:
                beta, se = float(fit.params[term]), float(fit.bse[term])
                out.append({
                    "model": model, "segment": segment, "term": term, "reference_level": references[term],
                    "log_odds": beta, "std_error": se, "odds_ratio": float(np.exp(beta)),
                    "ci_low": float(np.exp(beta - z * se)), "ci_high": float(np.exp(beta + z * se)),
                    "p_value": float(fit.pvalues[term]), "n": len(part),
                })
    return pd.DataFrame(out, columns=COEFFICIENT_COLUMNS)


def calibration(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Calibration slope and intercept: logistic regression of the outcome on logit(predicted)."""
    eps = 1e-9
    logit = np.log(np.clip(p, eps, 1 - eps) / np.clip(1 - p, eps, 1))
    fit = _fit(pd.Series(y), pd.DataFrame({"const": 1.0, "logit": logit}))
    return float(fit.params["logit"]), float(fit.params["const"])


def fit_metrics(outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per model x segment: hold-out metrics of fitted segments, the reason for skipped ones."""
    from sklearn.metrics import accuracy_score, brier_score_loss, precision_score, recall_score, roc_auc_score

    rows = modelled_rows(outcomes)
    out: list[dict] = []
    for model in MODELS:
        for segment, dimension, part in segments(rows, model):
            _, x, _, reason = fit_segment(part, model, dimension)
            y = part["is_recovered"].astype(float)
            record = {"model": model, "segment": segment, "n": len(part), "events": int(y.sum()),
                      "parameters": int(x.shape[1])}
            if reason is None:
                try:
                    observed, predicted = holdout(part, model, dimension)
                    if len(np.unique(observed)) < 2:
                        raise ValueError("the hold-out has only one outcome class")
                    slope, intercept = calibration(observed, predicted)
                except Exception as error:
                    reason = f"fit failed: {error}"
            if reason is not None:
                out.append({**record, "status": "skipped", "reason": reason})
                continue
            label = (predicted >= 0.5).astype(float)
            out.append({
                **record, "status": "fitted", "reason": None,
                "n_train": int(len(part) - len(observed)), "n_test": len(observed),
                "auc": float(roc_auc_score(observed, predicted)),
                "brier_score": float(brier_score_loss(observed, predicted)),
                "calibration_slope": slope, "calibration_intercept": intercept,
                "precision": float(precision_score(observed, label, zero_division=0)),
                "recall": float(recall_score(observed, label, zero_division=0)),
                "accuracy": float(accuracy_score(observed, label)),
            })
    frame = pd.DataFrame(out, columns=METRIC_COLUMNS)
    for column in ("n_train", "n_test"):
        frame[column] = frame[column].astype("Int64")
    frame["reason"] = frame["reason"].astype("string")
    return frame


CURVE_COLUMNS = ["model", "curve", "point", "x", "y", "referrals"]
CURVE_POINTS = 20
CALIBRATION_BINS = 10


def _round5(count: float) -> int | None:
    """The NHS small-number rule (macro suppress_count): None under 5, else the nearest 5."""
    return None if count < 5 else int(np.floor(count / 5 + 0.5)) * 5


def holdout_curves(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The ROC curve and calibration of the recommended model (All referrals, hold-out) as published
    points: ROC at CURVE_POINTS quantiles of the predicted risk, calibration in CALIBRATION_BINS bins;
    every rate is that of counts rounded to 5 and a point resting on a count under 5 is left out, so
    no individual can be read off a plot. One row 'auc' carries the area under the curve."""
    from sklearn.metrics import roc_auc_score

    rows = modelled_rows(outcomes)
    out: list[dict] = []
    if len(rows) < 50 or rows["is_recovered"].nunique() < 2:
        return pd.DataFrame(out, columns=CURVE_COLUMNS)
    try:
        observed, predicted = holdout(rows, "recommended")
    except ValueError:
        return pd.DataFrame(out, columns=CURVE_COLUMNS)
    positives, negatives = _round5((observed == 1).sum()), _round5((observed == 0).sum())
    if positives is None or negatives is None:
        return pd.DataFrame(out, columns=CURVE_COLUMNS)
    out.append({"model": "recommended", "curve": "auc", "point": 0, "x": None,
                "y": float(roc_auc_score(observed, predicted)), "referrals": _round5(len(observed))})
    out.append({"model": "recommended", "curve": "roc", "point": 0, "x": 0.0, "y": 0.0, "referrals": None})
    thresholds = np.quantile(predicted, np.linspace(1, 0, CURVE_POINTS + 1)[1:-1])
    for point, threshold in enumerate(thresholds, start=1):
        flagged = predicted >= threshold
        true_pos, false_pos = _round5((flagged & (observed == 1)).sum()), _round5((flagged & (observed == 0)).sum())
        if true_pos is None or false_pos is None:
            continue
        out.append({"model": "recommended", "curve": "roc", "point": point, "x": false_pos / negatives,
                    "y": true_pos / positives, "referrals": _round5(flagged.sum())})
    out.append({"model": "recommended", "curve": "roc", "point": CURVE_POINTS, "x": 1.0, "y": 1.0, "referrals": None})
    order = np.argsort(predicted, kind="stable")
    for point, members in enumerate(np.array_split(order, CALIBRATION_BINS), start=1):
        referrals, recovered = _round5(len(members)), _round5(observed[members].sum())
        if referrals is None or recovered is None:
            continue
        out.append({"model": "recommended", "curve": "calibration", "point": point,
                    "x": float(predicted[members].mean()), "y": recovered / referrals, "referrals": referrals})
    frame = pd.DataFrame(out, columns=CURVE_COLUMNS)
    frame["referrals"] = frame["referrals"].astype("Int64")
    return frame
