{{ config(tags=['reference']) }}
-- Grain: CCG21 x restraint indicator x reporting period (the CCG indicator contract): restrictive
-- interventions per 1,000 bed days of the same ethnic group, by intervention category. Provider
-- interventions and bed days are shared out to CCG21 with the trust activity weights, then the rate
-- is rebuilt from the summed numerator and denominator (never an average of rates). Null and flagged
-- when any contributing count was `*` (is_suppressed) or a marker such as `#DIV/0!` or `-`
-- (is_not_computable).
select
    ccg21_ons_code,
    'restraint_' || intervention_category || '_' || ethnic_group_key || '_per_1000_bed_days' as indicator_id,
    reporting_period_start as period_start,
    reporting_period_end as period_end,
    case
        when max(case when is_suppressed or is_not_computable then 1 else 0 end) = 1 then null
        when sum(bed_days * weight) > 0 then 1000 * sum(interventions * weight) / sum(bed_days * weight)
    end as value,
    case
        when max(case when is_suppressed or is_not_computable then 1 else 0 end) = 0
            then sum(interventions * weight)
    end as numerator,
    case
        when max(case when is_suppressed or is_not_computable then 1 else 0 end) = 0
            then sum(bed_days * weight)
    end as denominator,
    max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
    max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable,
    'nhsd_mhsds_restrictive_interventions' as source
from {{ ref('int_restraint__provider_cells_mapped') }}
where unmatched_reason is null and intervention_category != 'other'
group by ccg21_ons_code, intervention_category, ethnic_group_key, reporting_period_start, reporting_period_end
