{{ config(tags=['export', 'python']) }}
-- Odds ratios of the recovery models for publication and the forest plot: the coefficients with the
-- number of referrals behind each fit rounded to 5 (macro suppress_count).
select
    model,
    segment,
    term,
    reference_level,
    odds_ratio,
    ci_low,
    ci_high,
    p_value,
    {{ suppress_count('n') }} as referrals
from {{ ref('iapt_recovery_model_coefficients') }}
