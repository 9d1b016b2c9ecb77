{{ config(tags=['reference']) }}
-- Grain: CCG21 x OAP indicator x period (the CCG indicator contract). Counts, bed days and costs of
-- every contributing code summed with the crosswalk weights; a CCG21 value is null and flagged
-- when any contributing cell was `*` (is_suppressed) or a marker such as `#DIV/0!` or `-`
-- (is_not_computable) -- such a cell is never taken as 0 or left out of the sum.
select
    ccg21_ons_code,
    indicator_id,
    period_start,
    period_end,
    case
        when max(case when is_suppressed or is_not_computable then 1 else 0 end) = 0
            then sum(measure_value * weight)
    end as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
    max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable,
    source
from {{ ref('int_oaps__ccg_cells_mapped') }}
where unmatched_reason is null
group by ccg21_ons_code, indicator_id, period_start, period_end, source
