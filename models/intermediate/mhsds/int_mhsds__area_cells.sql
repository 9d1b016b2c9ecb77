{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process('mhsds') }}"
) }}
-- Grain: one additive MHSDS count (latest status) for a CCG / Sub-ICB location, a provider, an ICB
-- or England: reporting period x breakdown x area or provider code x measure. Input of the CCG21
-- attribution (residence, provider) and of the published ICB / Sub-ICB / England values (icb, england).
-- The cells of the latest publication status, as int_mhsds__monthly_latest (macro latest_publication_rows,
-- over staging and its periods: an incremental build reads only the files of the reporting periods to process).
-- Out of scope (kept in int_mhsds__monthly_latest only): cells with a secondary level, and measures
-- that cannot be summed over areas (proportions, percentages, rates, medians, percentiles, means).
select
    reporting_period_start,
    reporting_period_end,
    breakdown,
    primary_level as area_code,
    primary_level_description as area_name,
    measure_id,
    measure_name,
    measure_value,
    is_suppressed,
    is_not_computable,
    source_file,
    source_row,
    case
        when lower(breakdown) like 'provider%' then 'provider'
        when lower(breakdown) like 'icb%' then 'icb'
        when lower(breakdown) = 'england' then 'england'
        else 'residence'
    end as attribution
from (
    {{ latest_publication_rows(
        rows_of_months_to_process(ref('stg_nhsd__mhsds_monthly'), 'mhsds'),
        rows_of_months_to_process(ref('stg_nhsd__mhsds_monthly_periods'), 'mhsds')
    ) }}
) as latest
where
    secondary_level is null
    -- one case-insensitive pattern per column: a filter of many LIKEs trims and lowers the column once per LIKE
    and (
        {{ regex_contains('breakdown', '(?i)^(ccg|sub icb|icb)') }}
        or lower(breakdown) = 'provider'
        or lower(breakdown) = 'england'
    )
    and not {{ regex_contains(
        'measure_name', '(?i)proportion|percentage|rate |^median|percentile|^mean |^average|crude rate'
    ) }}
