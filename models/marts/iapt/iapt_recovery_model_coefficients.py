"""Odds ratios of the recovery models (see mhw.stats.iapt_models for the specifications)."""


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    from mhw.stats.iapt_models import fit_coefficients

    return fit_coefficients(dbt.ref("fct_iapt_referral_outcomes").df())
