{{ config(tags=['reference']) }}
-- Grain: CCG21 x population indicator (age band) x mid-year (the CCG indicator contract): the latest
-- ONS estimate summed over the codes mapped to each CCG21 with the crosswalk weights.
select
    ccg21_ons_code,
    indicator_id,
    cast(cast(estimate_year as {{ dbt.type_string() }}) || '-06-30' as date) as period_start,
    cast(cast(estimate_year as {{ dbt.type_string() }}) || '-06-30' as date) as period_end,
    sum(measure_value * weight) as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    false as is_suppressed,
    false as is_not_computable,
    'ons_ccg_population_sya' as source
from {{ ref('int_population__ccg_cells_mapped') }}
where unmatched_reason is null
group by ccg21_ons_code, indicator_id, estimate_year
