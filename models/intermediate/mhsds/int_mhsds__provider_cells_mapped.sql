{{ config(tags=['reference']) }}
-- Grain: one provider MHSDS cell (int_mhsds__area_cells, attribution provider) x CCG21, the
-- provider's count shared out with int_trust_ccg_weights; a provider without weights appears once
-- with unmatched_reason (same columns as map_to_ccg21, so audit_unmatched_codes lists it).
with provider_cells as (
    select
        *,
        row_number() over (order by source_file, source_row) as map_row_id,
        {{ clean_code('area_code') }} as source_code
    from {{ ref('int_mhsds__area_cells') }}
    where attribution = 'provider'
)

select
    provider_cells.attribution,
    provider_cells.reporting_period_start,
    provider_cells.reporting_period_end,
    provider_cells.breakdown,
    provider_cells.area_code,
    provider_cells.area_name,
    provider_cells.measure_id,
    provider_cells.measure_name,
    provider_cells.measure_value,
    provider_cells.is_suppressed,
    provider_cells.source_file,
    provider_cells.source_row,
    provider_cells.map_row_id,
    provider_cells.source_code,
    weights.ccg21_ons_code,
    weights.ccg21_ods_code,
    weights.weight,
    weights.method as map_method,
    case
        when weights.provider_code is not null then null
        when provider_cells.source_code is null then 'missing code'
        else 'provider without CCG21 activity weights'
    end as unmatched_reason
from provider_cells
left join {{ ref('int_trust_ccg_weights') }} as weights
    on provider_cells.source_code = weights.provider_code
