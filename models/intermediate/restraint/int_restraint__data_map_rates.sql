-- Grain: provider x intervention type x ethnic group of the data map's wide sheet, trust rows only
-- (Average rows dropped); `#DIV/0!` kept as not computable with a null rate, never 0. The keys
-- name the data map's indicators (restraint_data_map_<type>_<group>_per_1000_bed_days).
select
    provider_code,
    provider_name,
    intervention_type,
    ethnic_group,
    {{ text_to_key('intervention_type') }} as intervention_key,
    {{ restraint_ethnic_group_key('ethnic_group') }} as ethnic_group_key,
    rate_per_1000_bed_days,
    is_not_computable,
    source_file,
    source_row
from {{ ref('stg_nhsd__restraint_ethnicity_wide') }}
where not is_average_row
