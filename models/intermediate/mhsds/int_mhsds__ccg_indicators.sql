{{ config(tags=['reference']) }}
-- Grain: CCG21 x MHSDS indicator x reporting period (the CCG indicator contract). Residence-based
-- counts (indicator mhsds_<measure>) summed over the codes mapped to each CCG21; provider counts
-- shared out by trust activity weights (mhsds_<measure>_by_provider, an estimate). A CCG21 value is
-- null and flagged when any contributing cell was `*` (is_suppressed) or a marker such as `#DIV/0!`
-- or `-` (is_not_computable): never a partial sum.
with cells as (
    select
        'mhsds_' || lower(measure_id) as indicator_id,
        ccg21_ons_code,
        reporting_period_start,
        reporting_period_end,
        measure_value,
        weight,
        is_suppressed,
        is_not_computable
    from {{ ref('int_mhsds__residence_cells_mapped') }}
    where unmatched_reason is null
    union all
    select
        'mhsds_' || lower(measure_id) || '_by_provider' as indicator_id,
        ccg21_ons_code,
        reporting_period_start,
        reporting_period_end,
        measure_value,
        weight,
        is_suppressed,
        is_not_computable
    from {{ ref('int_mhsds__provider_cells_mapped') }}
    where unmatched_reason is null
)

select
    ccg21_ons_code,
    indicator_id,
    reporting_period_start as period_start,
    reporting_period_end as period_end,
    case
        when max(case when is_suppressed or is_not_computable then 1 else 0 end) = 0
            then sum(measure_value * weight)
    end as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
    max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable,
    'nhsd_mhsds_monthly' as source
from cells
group by ccg21_ons_code, indicator_id, reporting_period_start, reporting_period_end
