{{ config(tags=['reference']) }}
-- Grain: CCG21 x OAP indicator x period (the CCG indicator contract). Counts, bed days and costs of
-- every contributing code summed with the crosswalk weights; a CCG21 value is suppressed (null)
-- when any contributing cell was `*` -- a suppressed cell is never taken as 0.
select
    ccg21_ons_code,
    indicator_id,
    period_start,
    period_end,
    case when max(case when is_suppressed then 1 else 0 end) = 1 then null else sum(measure_value * weight) end
        as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
    source
from {{ ref('int_oaps__ccg_cells_mapped') }}
where unmatched_reason is null
group by ccg21_ons_code, indicator_id, period_start, period_end, source
