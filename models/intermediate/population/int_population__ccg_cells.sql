-- Grain: one CCG area (ONS E38 code of the estimate's vintage) x age band of the latest ONS mid-year
-- estimate by single year of age (persons). Input of the CCG21 mapping.
with latest as (
    select max(estimate_year) as estimate_year
    from {{ ref('stg_ons__ccg_population_sya') }}
    where area_level = 'ccg' and sex = 'persons'
),

ages as (
    select
        sya.area_code,
        sya.estimate_year,
        sya.age,
        sya.population
    from {{ ref('stg_ons__ccg_population_sya') }} as sya
    inner join latest on sya.estimate_year = latest.estimate_year
    where sya.area_level = 'ccg' and sya.sex = 'persons'
),

bands as (
    select
        area_code,
        estimate_year,
        'population_all_ages' as indicator_id,
        population
    from ages
    union all
    select
        area_code,
        estimate_year,
        case
            when age <= 17 then 'population_age_0_17'
            when age <= 35 then 'population_age_18_35'
            when age <= 50 then 'population_age_36_50'
            when age <= 65 then 'population_age_51_65'
            else 'population_age_66_plus'
        end as indicator_id,
        population
    from ages
)

select
    area_code,
    estimate_year,
    indicator_id,
    cast(sum(population) as double) as measure_value
from bands
group by area_code, estimate_year, indicator_id
