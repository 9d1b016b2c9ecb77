-- Grain: one indicator of fct_ccg_indicators: the indicator seeds of every domain
-- (seeds/indicators/<domain>_indicators.csv) plus the MHSDS measures found in the data that the
-- seed does not describe. A domain adds its seed's name to the list below (one-line edit).
{%- set columns = [
    ('indicator_id', dbt.type_string()),
    ('indicator_name', dbt.type_string()),
    ('unit', dbt.type_string()),
    ('source', dbt.type_string()),
    ('polarity', dbt.type_string()),
    ('period_description', dbt.type_string()),
    ('profile_column', dbt.type_string()),
] %}
with seeded as (
    {{ union_existing([
        'oaps_indicators',
        'mhsds_indicators',
        'population_indicators',
        'cmhs_indicators',
        'restraint_indicators',
        'ethnicity_indicators',
        'iapt_indicators',
    ], columns) }}
),

derived as (
    {{ union_existing([
        'int_mhsds__indicator_catalogue',
        'int_cmhs__indicator_catalogue',
        'int_restraint__data_map_indicator_catalogue',
    ], columns) }}
)

select
    seeded.indicator_id,
    seeded.indicator_name,
    {{ seed_text('seeded.unit') }} as unit,
    seeded.source,
    seeded.polarity,
    {{ seed_text('seeded.period_description') }} as period_description,
    {{ seed_text('seeded.profile_column') }} as profile_column,
    'seed' as defined_by
from seeded

union all

select
    derived.indicator_id,
    derived.indicator_name,
    derived.unit,
    derived.source,
    derived.polarity,
    derived.period_description,
    nullif(trim(derived.profile_column), '') as profile_column,
    'data' as defined_by
from derived
where derived.indicator_id not in (select seeded.indicator_id from seeded)
