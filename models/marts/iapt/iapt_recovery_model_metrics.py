"""Hold-out performance of the recovery models per segment, and the segments skipped with the reason."""


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    from mhw.stats.iapt_models import fit_metrics

    return fit_metrics(dbt.ref("fct_iapt_referral_outcomes").df())
