{{ config(tags=['export']) }}
-- Grain: source x period x geography level: what each public source covers once it reached CCG21
-- (fct_ccg_indicators): rows, CCG21s covered, the share of suppressed values, and the share of the
-- source's input rows that could not be mapped to CCG21 with the most common reason (from the
-- mapping audit, which counts rows over all periods of a mapped model).
with mapped_sources as (
    -- the mapped models (macro mapped_models) whose rows feed each source's indicators
    select
        pairs.source_model,
        pairs.source
    from (
        values
        ('int_oaps__ccg_cells_mapped', 'nhsd_oaps_open_data'),
        ('int_oaps__ccg_cells_mapped', 'nhse_dashboard_oaps'),
        ('int_mhsds__residence_cells_mapped', 'nhsd_mhsds_monthly'),
        ('int_mhsds__provider_cells_mapped', 'nhsd_mhsds_monthly'),
        ('int_restraint__provider_cells_mapped', 'nhsd_mhsds_restrictive_interventions'),
        ('int_restraint__data_map_rates_mapped', 'nhsd_restraint_ethnicity_wide'),
        ('int_cmhs__trust_scores_mapped', 'cqc_cmhs_trust_scores'),
        ('int_population__ccg_cells_mapped', 'ons_ccg_population_sya'),
        ('int_ethnicity__ccg_cells_mapped', 'ons_lad_ethnicity'),
        ('int_iapt__referrals_ccg21', 'iapt_referrals')
    ) as pairs (source_model, source)
),

indicators as (
    select * from {{ ref('fct_ccg_indicators') }}
),

reconciliation as (
    -- the published counts: record-level inputs rounded to 5, null under 5 (no exact count leaks)
    select * from {{ ref('audit_mapping_reconciliation_published') }}
),

unmatched as (
    select * from {{ ref('audit_unmatched_codes') }}
),

covered as (
    select
        source,
        period_start,
        period_end,
        'CCG21' as geography_level,
        count(*) as row_count,
        count(distinct case when value is not null or is_suppressed then ccg21_ons_code end) as areas_covered,
        avg(cast(case when is_suppressed then 1 else 0 end as double)) as share_suppressed
    from indicators
    group by source, period_start, period_end
),

unmapped as (
    select
        mapped_sources.source,
        sum(reconciliation.input_rows) as input_rows,
        sum(reconciliation.unmatched_rows) as unmatched_rows
    from mapped_sources
    inner join reconciliation on mapped_sources.source_model = reconciliation.source_model
    group by mapped_sources.source
),

reasons as (
    select
        mapped_sources.source,
        unmatched.reason,
        sum(unmatched.row_count) as row_count
    from mapped_sources
    inner join unmatched on mapped_sources.source_model = unmatched.source_model
    group by mapped_sources.source, unmatched.reason
),

main_reason as (
    select
        source,
        reason
    from reasons
    qualify row_number() over (partition by source order by row_count desc, reason asc) = 1
)

select
    covered.source,
    covered.period_start,
    covered.period_end,
    covered.geography_level,
    covered.row_count as rows,  -- noqa: RF04
    covered.areas_covered,
    covered.share_suppressed,
    case
        when unmapped.input_rows > 0 then cast(unmapped.unmatched_rows as double) / unmapped.input_rows
    end as share_unmapped,
    main_reason.reason as main_unmapped_reason
from covered
left join unmapped on covered.source = unmapped.source
left join main_reason on covered.source = main_reason.source
