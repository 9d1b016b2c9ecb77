{{ config(tags=['reference']) }}
-- Grain: CCG21 x data-map restraint indicator x period (the CCG indicator contract): the data
-- map's wide sheet (trust rates per 1,000 bed days by intervention type and ethnic group) attributed
-- to CCG21 as the activity-weighted mean of its trusts' rates, sum(rate x weight) / sum(weight).
-- The sheet publishes rates only (no bed days), so unlike the published-format set the rate cannot
-- be rebuilt from counts: kept as its own indicator set (restraint_data_map_...) for comparison.
-- A trust whose rate is `#DIV/0!` (no bed days in the group) adds nothing (the data map's method); a
-- CCG21 whose trusts are all `#DIV/0!` has a null value and is_not_computable (not suppressed). The
-- sheet carries no period: vars restraint_data_map_period_start / _end (dbt_project.yml) give it.
select
    ccg21_ons_code,
    'restraint_data_map_' || intervention_key || '_' || ethnic_group_key || '_per_1000_bed_days' as indicator_id,
    cast('{{ var("restraint_data_map_period_start") }}' as date) as period_start,
    cast('{{ var("restraint_data_map_period_end") }}' as date) as period_end,
    sum(case when rate_per_1000_bed_days is not null then rate_per_1000_bed_days * weight end)
    / sum(case when rate_per_1000_bed_days is not null then weight end) as value,
    sum(case when rate_per_1000_bed_days is not null then rate_per_1000_bed_days * weight end) as numerator,
    sum(case when rate_per_1000_bed_days is not null then weight end) as denominator,
    false as is_suppressed,
    count(rate_per_1000_bed_days) = 0 as is_not_computable,
    'nhsd_restraint_ethnicity_wide' as source
from {{ ref('int_restraint__data_map_rates_mapped') }}
where unmatched_reason is null
group by ccg21_ons_code, intervention_key, ethnic_group_key
