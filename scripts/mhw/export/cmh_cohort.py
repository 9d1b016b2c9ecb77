"""Plots of the community mental health cohort (PNG): state distribution by year (overall and per
group), sequence index plots per group, a region x year heat map of contacts per person, and the
silhouette by number of groups. Skipped quietly when the cohort tables are absent."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np

# ladder order (top = most intensive) with a colour each; codes as in the state sequences
STATES = [
    ("dead", "D", "#4d4d4d"),
    ("inpatient", "I", "#b2182b"),
    ("secondary_high", "H", "#ef8a62"),
    ("secondary_low", "L", "#fddbc7"),
    ("primary_only", "P", "#67a9cf"),
    ("none", "N", "#f7f7f7"),
]
REQUIRED = {
    "cmh_cohort_state_shares",
    "cmh_cohort_person_groups",
    "cmh_cohort_group_selection",
    "cmh_cohort_group_sequence_frequencies",
}


def write(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if not REQUIRED.issubset(tables):
        return []
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir = Path(out_dir)
    written = [
        _state_distribution(con, out_dir, plt),
        _state_distribution_by_group(con, out_dir, plt),
        _sequence_index(con, out_dir, plt),
        _region_heatmap(con, out_dir, plt),
        _silhouette(con, out_dir, plt),
    ]
    return [p for p in written if p is not None]


def _stack(ax, years: list[int], shares: dict[str, list[float]]) -> None:
    bottom = np.zeros(len(years))
    for state, _, colour in reversed(STATES):
        values = np.array(shares.get(state, [0.0] * len(years)))
        ax.bar(years, values, bottom=bottom, color=colour, edgecolor="#999999", linewidth=0.3, label=state)
        bottom += values
    ax.set_ylim(0, 1)
    ax.set_xticks(years[::2])


def _shares(rows: list[tuple[int, str, float]]) -> tuple[list[int], dict[str, list[float]]]:
    years = sorted({r[0] for r in rows})
    shares = {state: [0.0] * len(years) for state, _, _ in STATES}
    for year, state, share in rows:
        shares[state][years.index(year)] = share
    return years, shares


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    return path


def _state_distribution(con, out_dir: Path, plt) -> Path:
    rows = con.execute("select reporting_year, state, share_of_cohort from cmh_cohort_state_shares").fetchall()
    years, shares = _shares(rows)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    _stack(ax, years, shares)
    ax.set_ylabel("share of the cohort")
    ax.set_title("Community mental health cohort: state by year")
    ax.legend(loc="center left", bbox_to_anchor=(1, 0.5), fontsize=8)
    return _save(fig, out_dir / "cmh_cohort_state_distribution.png")


def _state_distribution_by_group(con, out_dir: Path, plt) -> Path:
    rows = con.execute(
        """
        select groups.group_id, states.reporting_year, states.state,
            count(*) * 1.0 / sum(count(*)) over (partition by groups.group_id, states.reporting_year) as share
        from int_cmh_person_states as states
        inner join cmh_cohort_person_groups as groups on states.person_id = groups.person_id
        group by groups.group_id, states.reporting_year, states.state
        """
    ).fetchall()
    groups = sorted({r[0] for r in rows})
    fig, axes = plt.subplots(1, len(groups), figsize=(3 * len(groups) + 1.5, 3.8), sharey=True, squeeze=False)
    for ax, group in zip(axes[0], groups, strict=True):
        years, shares = _shares([(y, s, v) for g, y, s, v in rows if g == group])
        _stack(ax, years, shares)
        ax.set_title(f"group {group}", fontsize=10)
        ax.tick_params(axis="x", labelsize=7)
    axes[0][0].set_ylabel("share of the group")
    axes[0][-1].legend(loc="center left", bbox_to_anchor=(1, 0.5), fontsize=7)
    fig.suptitle("State by year in each group")
    return _save(fig, out_dir / "cmh_cohort_state_distribution_by_group.png")


def _sequence_index(con, out_dir: Path, plt) -> Path:
    """Frequency index plot: each group's distinct sequences shared by at least 5 people (the
    published, rounded counts of cmh_cohort_group_sequence_frequencies), sorted, row height in
    proportion to the people; rarer sequences are not drawn (small-number rule)."""
    from matplotlib.colors import ListedColormap

    rows = con.execute(
        """
        select group_id, state_sequence, cast(persons as integer)
        from cmh_cohort_group_sequence_frequencies
        where not is_suppressed
        order by group_id, state_sequence
        """
    ).fetchall()
    sizes = dict(con.execute("select group_id, persons from cmh_cohort_group_profiles").fetchall())
    codes = [code for _, code, _ in STATES]
    cmap = ListedColormap([colour for _, _, colour in STATES])
    first = con.execute("select min(reporting_year) from int_cmh_person_states").fetchone()[0]
    groups = sorted(sizes)
    fig, axes = plt.subplots(1, len(groups), figsize=(3 * len(groups) + 1.5, 5), squeeze=False)
    for ax, group in zip(axes[0], groups, strict=True):
        shown = [(sequence, persons) for g, sequence, persons in rows if g == group]
        matrix = np.array(
            [[codes.index(c) for c in sequence] for sequence, persons in shown for _ in range(persons // 5)]
        )
        if len(matrix):
            ax.imshow(matrix, aspect="auto", cmap=cmap, vmin=-0.5, vmax=len(codes) - 0.5, interpolation="nearest")
            ticks = list(range(0, matrix.shape[1], 2))
            ax.set_xticks(ticks, [str(first + t) for t in ticks], fontsize=7)
        ax.set_yticks([])
        share = sum(p for _, p in shown) / sizes[group] if sizes[group] else 0
        ax.set_title(f"group {group}: {share:.0%} of people", fontsize=9)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for _, _, colour in STATES]
    axes[0][-1].legend(handles, [s for s, _, _ in STATES], loc="center left", bbox_to_anchor=(1, 0.5), fontsize=7)
    fig.suptitle("Sequence index plots: sequences shared by at least 5 people (row height = people, rounded to 5)")
    return _save(fig, out_dir / "cmh_cohort_sequence_index_by_group.png")


def _region_heatmap(con, out_dir: Path, plt) -> Path:
    rows = con.execute(
        """
        select region_name, reporting_year, contacts_per_person
        from cmh_cohort_region_year where region_code != 'E92000001'
        order by region_code, reporting_year
        """
    ).fetchall()
    regions = list(dict.fromkeys(r[0] for r in rows))
    years = sorted({r[1] for r in rows})
    matrix = np.full((len(regions), len(years)), np.nan)
    for region, year, value in rows:
        matrix[regions.index(region), years.index(year)] = value
    fig, ax = plt.subplots(figsize=(9, 4.5))
    image = ax.imshow(matrix, aspect="auto", cmap="viridis")
    ax.set_xticks(range(len(years)), [str(y) for y in years], fontsize=8)
    ax.set_yticks(range(len(regions)), regions, fontsize=8)
    fig.colorbar(image, ax=ax, label="contacts per person alive")
    ax.set_title("Contacts per person by region and year")
    return _save(fig, out_dir / "cmh_cohort_region_year_contacts.png")


def _silhouette(con, out_dir: Path, plt) -> Path:
    rows = con.execute(
        "select k, silhouette, kmeans_agreement_ari, is_chosen from cmh_cohort_group_selection order by k"
    ).fetchall()
    fig, ax = plt.subplots(figsize=(6, 4))
    ks = [r[0] for r in rows]
    ax.plot(ks, [r[1] for r in rows], marker="o", label="silhouette (Hamming)")
    ax.plot(ks, [r[2] for r in rows], marker="s", linestyle="--", label="k-means agreement (ARI)")
    for k, value, _, chosen in rows:
        if chosen:
            ax.annotate(f"chosen k = {k}", (k, value), textcoords="offset points", xytext=(0, 10), ha="center")
    ax.set_xlabel("number of groups k")
    ax.set_xticks(ks)
    ax.legend()
    ax.set_title("Choosing the number of groups")
    return _save(fig, out_dir / "cmh_cohort_silhouette_by_k.png")
