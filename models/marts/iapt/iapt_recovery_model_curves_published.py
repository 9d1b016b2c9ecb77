"""ROC curve and calibration of the recommended recovery model, as published points (see
mhw.stats.iapt_models.holdout_curves): what the ROC and calibration plots draw."""


def model(dbt, session):
    dbt.config(materialized="table", tags=["python", "export"])
    from mhw.stats.iapt_models import holdout_curves

    return holdout_curves(dbt.ref("fct_iapt_referral_outcomes").df())
