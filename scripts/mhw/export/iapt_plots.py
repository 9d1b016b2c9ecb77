"""IAPT recovery plots (PNG): odds-ratio forest plot, recovery rate by IMD decile with Wilson 95%
intervals, ROC curve and calibration plot of the recommended model (All referrals, hold-out).

Every plot draws only from a published model: iapt_recovery_model_odds_ratios_published, the
suppressed segment table (suppressed deciles are left out) and iapt_recovery_model_curves_published
(points of rounded counts), and states its period and, for the demo, that the data are synthetic.
Skipped quietly when the IAPT tables are absent.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

NEEDED = (
    "fct_iapt_recovery_segments",
    "iapt_recovery_model_odds_ratios_published",
    "iapt_recovery_model_curves_published",
)
FILES = {
    "forest": "iapt_recovery_odds_ratios.png",
    "imd": "iapt_recovery_rate_by_imd_decile.png",
    "roc": "iapt_recovery_roc_curve.png",
    "calibration": "iapt_recovery_calibration.png",
}


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}


def write(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    if not set(NEEDED) <= _tables(con):
        return []
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from . import built_from_demo

    first, last = con.execute("select min(period_start), max(period_end) from fct_iapt_recovery_segments").fetchone()
    note = f"Finished courses, referrals from {first:%b %Y}, discharges to {last:%b %Y}" if first else "IAPT"
    note += "; counts under 5 not shown, rates of counts rounded to 5"
    if built_from_demo(con):
        note += "; SYNTHETIC DEMO DATA, not real"
    written: list[Path] = []

    def save(fig, key: str) -> None:
        path = Path(out_dir) / FILES[key]
        fig.text(0.01, 0.005, note, fontsize=7, color="#425563", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        fig.savefig(path, dpi=120, metadata={"Software": None})
        plt.close(fig)
        written.append(path)

    coefficients = con.execute(
        "select term, odds_ratio, ci_low, ci_high, reference_level from iapt_recovery_model_odds_ratios_published "
        "where model = 'recommended' and segment = 'All' and term != 'Intercept' "
        "order by case when term like '%:%' then 1 else 0 end, term"
    ).df()
    if not coefficients.empty:
        fig, ax = plt.subplots(figsize=(9, 0.32 * len(coefficients) + 1.5))
        ypos = np.arange(len(coefficients))[::-1]
        ratio = coefficients["odds_ratio"]
        ax.errorbar(
            ratio, ypos, xerr=[ratio - coefficients["ci_low"], coefficients["ci_high"] - ratio],
            fmt="o", color="#005eb8", ecolor="#425563", capsize=3,
        )
        ax.axvline(1.0, color="grey", linestyle="--", linewidth=1)
        ax.set_xscale("log")
        ticks = [t for t in (0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4) if ratio.min() / 1.2 <= t <= ratio.max() * 1.2]
        ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
        ax.xaxis.set_minor_formatter(plt.NullFormatter())
        ax.set_yticks(ypos, [f"{t} (vs {r})" if ":" in t else t
                             for t, r in zip(coefficients["term"], coefficients["reference_level"], strict=True)])
        ax.set_xlabel("Odds ratio of recovery (95% CI, log scale)")
        fig.suptitle(
            "Odds ratios of recovery: recommended model, all referrals that finished treatment at caseness", fontsize=11
        )
        save(fig, "forest")

    imd = con.execute(
        "select imd_decile, recovery_rate_pct as rate, recovery_rate_ci_low_pct as low, "
        "recovery_rate_ci_high_pct as high from fct_iapt_recovery_segments "
        "where breakdown = 'imd_decile' and recovery_rate_pct is not null and imd_decile != 'Not known' "
        "order by try_cast(imd_decile as integer)"
    ).df()
    if not imd.empty:
        fig, ax = plt.subplots(figsize=(7, 4.5))
        x = imd["imd_decile"].astype(int)
        ax.errorbar(x, imd["rate"], yerr=[imd["rate"] - imd["low"], imd["high"] - imd["rate"]],
                    fmt="o-", color="#005eb8", ecolor="#425563", capsize=3)
        ax.set_xticks(range(1, 11))
        ax.set_xlabel("IMD decile (1 = most deprived)")
        ax.set_ylabel("Recovery rate, % (Wilson 95% CI)")
        ax.set_title("Recovery rate by deprivation")
        save(fig, "imd")

    curves = con.execute(
        "select curve, x, y from iapt_recovery_model_curves_published where model = 'recommended' order by curve, point"
    ).fetchall()
    roc = [(x, y) for curve, x, y in curves if curve == "roc"]
    auc = [y for curve, _, y in curves if curve == "auc"]
    if roc and auc:
        fig, ax = plt.subplots(figsize=(5, 5))
        ax.plot([x for x, _ in roc], [y for _, y in roc], "o-", markersize=3, color="#005eb8",
                label=f"AUC {auc[0]:.3f}")
        ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1)
        ax.set_xlabel("False positive rate")
        ax.set_ylabel("True positive rate")
        ax.set_title("ROC curve, recommended model (hold-out)")
        ax.legend(loc="lower right")
        save(fig, "roc")
    bins = [(x, y) for curve, x, y in curves if curve == "calibration"]
    if bins:
        fig, ax = plt.subplots(figsize=(5, 5))
        ax.plot([x for x, _ in bins], [y for _, y in bins], "o-", color="#005eb8", label="deciles of predicted risk")
        ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
        ax.set_xlabel("Predicted probability of recovery")
        ax.set_ylabel("Observed recovery rate")
        ax.set_title("Calibration, recommended model (hold-out)")
        ax.legend(loc="upper left")
        save(fig, "calibration")
    return written
