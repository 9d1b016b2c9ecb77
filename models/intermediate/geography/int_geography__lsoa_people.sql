-- Grain: one LSOA of the April 2021 lookup (LSOA -> CCG21 -> LAD), with the people who live there:
-- its latest LSOA population estimate when the population topic has any (weight_basis
-- 'lsoa_population'), otherwise 1 (LSOAs are built to similar populations; weight_basis 'lsoa_count').
-- The one basis of every population-weighted split of an area by LSOAs.
with lsoa_ccg21 as (
    select
        lsoa_code,
        max(ccg_ods_code) as ccg21_ods_code,
        max(lad_code) as lad_code
    from {{ ref('stg_ons__lsoa_ccg_lad') }}
    where ccg_vintage = 2021
    group by lsoa_code
),

lsoa_population_all as (
    {{ union_existing(['stg_ons__lsoa_population'],
        [('lsoa_code', dbt.type_string()), ('estimate_year', 'integer'), ('population', 'bigint')]) }}
),

lsoa_population as (
    select
        lsoa_code,
        population
    from lsoa_population_all
    qualify row_number() over (partition by lsoa_code order by estimate_year desc) = 1
),

basis as (
    select count(*) > 0 as has_population from lsoa_population
)

select
    lsoa_ccg21.lsoa_code,
    lsoa_ccg21.ccg21_ods_code,
    lsoa_ccg21.lad_code,
    case when basis.has_population then coalesce(lsoa_population.population, 0) else 1 end as people,
    case when basis.has_population then 'lsoa_population' else 'lsoa_count' end as weight_basis
from lsoa_ccg21
cross join basis
left join lsoa_population on lsoa_ccg21.lsoa_code = lsoa_population.lsoa_code
