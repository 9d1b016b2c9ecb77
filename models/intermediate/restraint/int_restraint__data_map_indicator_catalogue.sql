-- Grain: one data-map restraint indicator (intervention type x ethnic group) found in the data
-- map's wide sheet, in the columns of the indicator seeds; dim_indicators takes the ones the seed
-- restraint_indicators does not describe (a sheet with other type headings still has metadata).
select
    'restraint_data_map_' || intervention_key || '_' || ethnic_group_key || '_per_1000_bed_days' as indicator_id,
    max(intervention_type) || ' per 1000 bed days (' || max(ethnic_group)
    || ' patients; data map sheet, trust rates weighted by activity share)' as indicator_name,
    'per 1000 bed days' as unit,
    'nhsd_restraint_ethnicity_wide' as source,
    'lower_is_better' as polarity,
    'The data map sheet (period from vars restraint_data_map_period_start/_end)' as period_description,
    cast(null as {{ dbt.type_string() }}) as profile_column
from {{ ref('int_restraint__data_map_rates') }}
group by intervention_key, ethnic_group_key
