{{ config(tags=['export']) }}
-- Grain: one indicator of fct_ccg_indicators: the indicator seeds of every domain
-- (seeds/indicators/<domain>_indicators.csv) plus the MHSDS measures found in the data that the
-- seed does not describe. A domain adds its seed's name to the list below (one-line edit).
-- The data dictionary of the exports: publisher from the source registry (dbt source meta), period
-- type and the period the profile shows from the facts.
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
),

catalogue as (
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
),

publishers as (
    {#- the registry's publisher of each source (dbt source meta, generated from scripts/mhw/sources) #}
    {%- set publishers = {} -%}
    {%- for node in graph.sources.values() if node.meta.get('publisher') -%}
        {%- do publishers.update({node.name: node.meta['publisher']}) -%}
    {%- endfor %}
    select
        registry.source,
        registry.publisher
    from (
        values
        {%- for source_id, publisher in publishers | dictsort %}
            ('{{ source_id }}', '{{ publisher | replace("'", "''") }}'){{ ',' if not loop.last }}
        {%- endfor %}
    ) as registry (source, publisher)
),

periods as (
    select
        indicator_id,
        max({{ dbt.datediff('period_start', 'period_end', 'day') }}) as longest_period_days,
        min(extract(month from period_start)) as first_start_month,
        max(extract(month from period_start)) as last_start_month,
        max(period_end) as profile_period_end
    from {{ ref('fct_ccg_indicators') }}
    group by indicator_id
),

latest_periods as (
    select
        facts.indicator_id,
        min(facts.period_start) as profile_period_start
    from {{ ref('fct_ccg_indicators') }} as facts
    inner join periods
        on facts.indicator_id = periods.indicator_id and facts.period_end = periods.profile_period_end
    group by facts.indicator_id
)

select
    catalogue.indicator_id,
    catalogue.indicator_name as name,  -- noqa: RF04
    catalogue.indicator_name,
    catalogue.unit,
    catalogue.source,
    publishers.publisher,
    case
        when periods.longest_period_days is null then null
        when periods.longest_period_days = 0 then 'day'
        when periods.longest_period_days <= 31 then 'month'
        when periods.longest_period_days <= 92 then 'quarter'
        when periods.longest_period_days <= 366 and periods.first_start_month = 4 and periods.last_start_month = 4
            then 'financial_year'
        when periods.longest_period_days <= 366 then 'year'
        else 'multi_year'
    end as period_type,
    catalogue.polarity,
    catalogue.period_description,
    catalogue.profile_column,
    latest_periods.profile_period_start,
    periods.profile_period_end,
    catalogue.defined_by
from catalogue
left join publishers on catalogue.source = publishers.source
left join periods on catalogue.indicator_id = periods.indicator_id
left join latest_periods on catalogue.indicator_id = latest_periods.indicator_id
