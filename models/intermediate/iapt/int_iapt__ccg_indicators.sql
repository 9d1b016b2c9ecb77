-- IAPT recovery and reliable improvement rates by CCG21 and financial year of discharge, rebuilt
-- from numerators and denominators mapped to CCG21 (count x weight), never averaged. Values from
-- record-level data, so suppressed here (NHS rule: value null and is_suppressed when a count is
-- under 5; a numerator or denominator under 5 null, others rounded to the nearest 5).
-- `value` and `source` are the names the CCG indicator contract fixes (hence the noqa).
-- Only complete financial years: a year is reported when the extract reaches its 31 March (latest
-- referral or discharge date on or after it), so a part year is never shown as a rate.
{{ config(tags=['reference']) }}
with extract_coverage as (
    select
        max(referral_received_date) as last_referral_date,
        max(discharge_date) as last_discharge_date
    from {{ ref('int_iapt__referrals_ccg21') }}
),

finished as (
    select
        ccg21_ons_code,
        weight,
        is_caseness,
        is_recovered,
        is_reliable_improvement,
        case
            when month(discharge_date) >= 4 then year(discharge_date)
            else year(discharge_date) - 1
        end as financial_year_start
    from {{ ref('int_iapt__referrals_ccg21') }}
    where unmatched_reason is null and is_finished_treatment
),

counts as (
    select
        ccg21_ons_code,
        financial_year_start,
        sum(weight) as finished,
        sum(case when is_caseness then weight else 0 end) as finished_at_caseness,
        sum(case when is_recovered then weight else 0 end) as recovered,
        sum(case when is_reliable_improvement then weight else 0 end) as reliably_improved
    from finished
    group by ccg21_ons_code, financial_year_start
),

complete_years as (
    select counts.*
    from counts
    cross join extract_coverage
    where
        cast(cast(counts.financial_year_start + 1 as {{ dbt.type_string() }}) || '-03-31' as date)
        <= greatest(
            coalesce(extract_coverage.last_referral_date, extract_coverage.last_discharge_date),
            coalesce(extract_coverage.last_discharge_date, extract_coverage.last_referral_date)
        )
),

ratios as (
    select
        ccg21_ons_code,
        financial_year_start,
        'iapt_recovery_rate' as indicator_id,
        recovered as numerator,
        finished_at_caseness as denominator
    from complete_years
    union all
    select
        ccg21_ons_code,
        financial_year_start,
        'iapt_reliable_improvement_rate' as indicator_id,
        reliably_improved as numerator,
        finished as denominator
    from complete_years
)

select
    ccg21_ons_code,
    indicator_id,
    cast(cast(financial_year_start as {{ dbt.type_string() }}) || '-04-01' as date) as period_start,
    cast(cast(financial_year_start + 1 as {{ dbt.type_string() }}) || '-03-31' as date) as period_end,
    try_cast({{ suppress_rate('numerator', 'denominator', 100, 1) }} as double) as value,  -- noqa: RF04
    try_cast({{ suppress_count('numerator') }} as double) as numerator,
    try_cast({{ suppress_count('denominator') }} as double) as denominator,
    {{ suppress_rate('numerator', 'denominator', 100, 1) }} = '*' as is_suppressed,
    false as is_not_computable,
    'iapt_referrals' as source  -- noqa: RF04
from ratios
