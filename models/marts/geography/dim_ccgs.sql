-- Grain: one CCG of the April 2021 vintage (the warehouse's canonical geography), with its
-- STP and NHS England region (from the GP practice mapping file, else the population file and
-- the ODS eccg record), the July 2022 Sub-ICB location and ICB with the same ODS code, and its
-- population (ONS mid-year estimate on 2021 CCG areas, else the sum of its LSOAs' populations).
with ccg21 as (
    select
        ccg_ods_code,
        max(ccg_ons_code) as ccg_ons_code,
        max(ccg_name) as ccg_name
    from {{ ref('int_geography__ccg_codes_by_vintage') }}
    where area_kind = 'ccg' and vintage = 2021
    group by ccg_ods_code
),

practice_map as (
    select
        ccg_ods_code,
        max(stp_ons_code) as stp_ons_code,
        max(stp_ods_code) as stp_ods_code,
        max(stp_name) as stp_name,
        max(region_ons_code) as region_ons_code,
        max(region_ods_code) as region_ods_code,
        max(region_name) as region_name
    from {{ ref('stg_nhsd__gp_practice_map') }}
    group by ccg_ods_code
),

eccg as (
    select
        org_code,
        max(national_grouping_code) as region_ods_code,
        max(high_level_health_geography_code) as stp_ods_code
    from {{ ref('stg_ods__eccg') }}
    group by org_code
),

population_bands_all as (
    {{ union_existing(['stg_ons__ccg_population_bands'],
        [('ccg_ons_code', dbt.type_string()), ('stp_ons_code', dbt.type_string()),
         ('stp_name', dbt.type_string()), ('region_ons_code', dbt.type_string()),
         ('region_name', dbt.type_string()), ('population_all_ages', 'bigint')]) }}
),

population_bands as (
    select
        ccg_ons_code,
        max(stp_ons_code) as stp_ons_code,
        max(stp_name) as stp_name,
        max(region_ons_code) as region_ons_code,
        max(region_name) as region_name,
        max(population_all_ages) as population
    from population_bands_all
    group by ccg_ons_code
),

-- the sum of the latest LSOA estimates (int_geography__lsoa_people) when the population topic has any
lsoa_population as (
    select
        ccg21_ods_code as ccg_ods_code,
        sum(people) as population
    from {{ ref('int_geography__lsoa_people') }}
    where weight_basis = 'lsoa_population'
    group by ccg21_ods_code
    having sum(people) > 0
),

sub_icb as (
    select
        codes.ccg_ods_code,
        codes.ccg_ons_code as sicbl22_ons_code,
        codes.ccg_name as sicbl22_name,
        icb.icb_ons_code as icb22_ons_code,
        icb.icb_name as icb22_name
    from {{ ref('int_geography__ccg_codes_by_vintage') }} as codes
    left join {{ ref('stg_ons__sicbl_icb') }} as icb on codes.ccg_ons_code = icb.area_code
    where codes.area_kind = 'sicbl'
)

select
    ccg21.ccg_ons_code as ccg21_ons_code,
    ccg21.ccg_ods_code as ccg21_ods_code,
    ccg21.ccg_name as ccg21_name,
    coalesce(practice_map.stp_ons_code, population_bands.stp_ons_code) as stp21_ons_code,
    coalesce(practice_map.stp_ods_code, eccg.stp_ods_code) as stp21_ods_code,
    coalesce(practice_map.stp_name, population_bands.stp_name) as stp21_name,
    coalesce(practice_map.region_ons_code, population_bands.region_ons_code) as region_ons_code,
    coalesce(practice_map.region_ods_code, eccg.region_ods_code) as region_ods_code,
    coalesce(practice_map.region_name, population_bands.region_name) as region_name,
    sub_icb.sicbl22_ons_code,
    sub_icb.sicbl22_name,
    sub_icb.icb22_ons_code,
    sub_icb.icb22_name,
    cast(coalesce(population_bands.population, lsoa_population.population) as bigint) as population,
    case
        when population_bands.population is not null then 'ons_ccg_mid_year_estimate'
        when lsoa_population.population is not null then 'sum_of_lsoa_estimates'
    end as population_source
from ccg21
left join practice_map on ccg21.ccg_ods_code = practice_map.ccg_ods_code
left join eccg on ccg21.ccg_ods_code = eccg.org_code
left join population_bands on ccg21.ccg_ons_code = population_bands.ccg_ons_code
left join lsoa_population on ccg21.ccg_ods_code = lsoa_population.ccg_ods_code
left join sub_icb on ccg21.ccg_ods_code = sub_icb.ccg_ods_code
