{{ config(tags=['reference']) }}
-- Grain: one provider restraint cell (int_restraint__provider_cells) x CCG21, the provider's counts
-- and bed days shared out with int_trust_ccg_weights; a provider without weights appears once with
-- unmatched_reason (the columns of map_to_ccg21, so audit_unmatched_codes lists it).
with provider_cells as (
    select
        *,
        row_number() over (
            order by reporting_period_start, provider_code, intervention_category, ethnic_group
        ) as map_row_id,
        {{ clean_code('provider_code') }} as source_code
    from {{ ref('int_restraint__provider_cells') }}
)

select
    provider_cells.reporting_period_start,
    provider_cells.reporting_period_end,
    provider_cells.provider_code,
    provider_cells.ethnic_group,
    provider_cells.intervention_category,
    provider_cells.interventions,
    provider_cells.bed_days,
    provider_cells.ethnic_group_key,
    provider_cells.is_suppressed,
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
