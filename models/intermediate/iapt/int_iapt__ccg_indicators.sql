-- IAPT recovery and reliable improvement rates by CCG21 and financial year of discharge, rebuilt
-- from numerators and denominators mapped to CCG21 (count x weight), never averaged. Values from
-- record-level data, so suppressed here (NHS rule: value null and is_suppressed when a count is
-- under 5; a numerator or denominator under 5 null, others rounded to the nearest 5).
-- `value` and `source` are the names the CCG indicator contract fixes (hence the noqa).
{{ config(tags=['reference']) }}
with finished as (
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

ratios as (
    select
        ccg21_ons_code,
        financial_year_start,
        'iapt_recovery_rate' as indicator_id,
        recovered as numerator,
        finished_at_caseness as denominator
    from counts
    union all
    select
        ccg21_ons_code,
        financial_year_start,
        'iapt_reliable_improvement_rate' as indicator_id,
        reliably_improved as numerator,
        finished as denominator
    from counts
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
    'iapt_referrals' as source  -- noqa: RF04
from ratios
