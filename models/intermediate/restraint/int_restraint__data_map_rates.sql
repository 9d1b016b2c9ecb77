-- Grain: provider x intervention type x ethnic group of the data map's wide sheet, trust rows only
-- (Average rows dropped); `#DIV/0!` kept as not computable with a null rate, never 0.
select
    provider_code,
    provider_name,
    intervention_type,
    ethnic_group,
    rate_per_1000_bed_days,
    is_not_computable,
    source_file,
    source_row
from {{ ref('stg_nhsd__restraint_ethnicity_wide') }}
where not is_average_row
