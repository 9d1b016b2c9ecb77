{{ config(tags=['reference', 'export']) }}
-- Grain: geography level (ccg21, sub_icb, icb, region, england) x area x indicator x period: what the
-- map page shows. Values are the published (suppressed) values or sums of them (fct_ccg_indicators,
-- fct_area_indicators: suppression carried). Beside each count, the count per 100,000 population of
-- the area (the latest ONS all-ages estimate of the same area; counts of money and populations
-- themselves have none), and the same indicator and period for the area's NHS England region and
-- for England, for the tooltip and legend.
with values_by_level as (
    select
        'ccg21' as geography_level,
        ccg21_ons_code as area_code,
        indicator_id,
        period_start,
        period_end,
        value,
        is_suppressed,
        source
    from {{ ref('fct_ccg_indicators') }}
    union all
    select
        geography_level,
        area_code,
        indicator_id,
        period_start,
        period_end,
        value,
        is_suppressed,
        source
    from {{ ref('fct_area_indicators') }}
),

areas as (
    select
        'ccg21' as geography_level,
        ccg21_ons_code as area_code,
        ccg21_ods_code as area_ods_code,
        ccg21_name as area_name,
        region_ons_code as region_code
    from {{ ref('dim_ccgs') }}
    union all
    select
        'sub_icb' as geography_level,
        sub_icb_ons_code as area_code,
        sub_icb_ods_code as area_ods_code,
        sub_icb_name as area_name,
        region_code
    from {{ ref('dim_sub_icb_locations') }}
    union all
    select
        'icb' as geography_level,
        icb_ons_code as area_code,
        icb_ods_code as area_ods_code,
        icb_name as area_name,
        region_code
    from {{ ref('dim_icbs') }}
    union all
    select distinct
        'region' as geography_level,
        region_ons_code as area_code,
        region_ods_code as area_ods_code,
        region_name as area_name,
        region_ons_code as region_code
    from {{ ref('dim_ccgs') }}
    where region_ons_code is not null
    union all
    select
        'england' as geography_level,
        'E92000001' as area_code,
        'ENG' as area_ods_code,
        'England' as area_name,
        cast(null as {{ dbt.type_string() }}) as region_code
),

per_population_indicators as (
    select indicator_id
    from {{ ref('dim_indicators') }}
    where unit in {{ per_population_units() }} and indicator_id not like 'population%'
),

population as (
    select
        geography_level,
        area_code,
        value as population
    from values_by_level
    where indicator_id = 'population_all_ages' and value > 0
    qualify row_number() over (partition by geography_level, area_code order by period_end desc) = 1
),

with_rates as (
    select
        values_by_level.geography_level,
        values_by_level.area_code,
        values_by_level.indicator_id,
        values_by_level.period_start,
        values_by_level.period_end,
        values_by_level.value,
        values_by_level.is_suppressed,
        values_by_level.source,
        case
            when per_population_indicators.indicator_id is not null
                then values_by_level.value / population.population * 100000
        end as rate_per_100k
    from values_by_level
    left join per_population_indicators on values_by_level.indicator_id = per_population_indicators.indicator_id
    left join population
        on
            values_by_level.geography_level = population.geography_level
            and values_by_level.area_code = population.area_code
)

select
    with_rates.geography_level,
    with_rates.area_code,
    areas.area_ods_code,
    areas.area_name,
    areas.region_code,
    with_rates.indicator_id,
    with_rates.period_start,
    with_rates.period_end,
    with_rates.value,
    with_rates.is_suppressed,
    with_rates.rate_per_100k,
    region.value as region_value,
    region.is_suppressed as region_is_suppressed,
    region.rate_per_100k as region_rate_per_100k,
    england.value as england_value,
    england.is_suppressed as england_is_suppressed,
    england.rate_per_100k as england_rate_per_100k,
    with_rates.source
from with_rates
inner join areas
    on with_rates.geography_level = areas.geography_level and with_rates.area_code = areas.area_code
left join with_rates as region
    on
        region.geography_level = 'region'
        and areas.region_code = region.area_code
        and with_rates.indicator_id = region.indicator_id
        and with_rates.period_start = region.period_start
        and with_rates.period_end = region.period_end
left join with_rates as england
    on
        england.geography_level = 'england'
        and with_rates.indicator_id = england.indicator_id
        and with_rates.period_start = england.period_start
        and with_rates.period_end = england.period_end
