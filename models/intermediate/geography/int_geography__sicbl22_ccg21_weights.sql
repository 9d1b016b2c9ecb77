-- Grain: one July 2022 Sub-ICB location (ONS code) x CCG21 (ODS code) that share LSOAs.
-- weight = the Sub-ICB's population living in that CCG21 / its whole population, from LSOA
-- populations when the population topic has them (weight_basis 'lsoa_population'), otherwise from
-- LSOA counts (LSOAs are built to similar populations; weight_basis 'lsoa_count').
with lsoa_sicbl as (
    select
        lsoa_code,
        area_code as sicbl_ons_code
    from {{ ref('stg_ons__lsoa_sicbl') }}
    where area_type = 'SICBL'
),

lsoa_ccg21 as (
    select
        lsoa_code,
        max(ccg_ods_code) as ccg21_ods_code
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
),

joined as (
    select
        lsoa_sicbl.sicbl_ons_code,
        lsoa_ccg21.ccg21_ods_code,
        case when basis.has_population then coalesce(lsoa_population.population, 0) else 1 end as people
    from lsoa_sicbl
    inner join lsoa_ccg21 on lsoa_sicbl.lsoa_code = lsoa_ccg21.lsoa_code
    cross join basis
    left join lsoa_population on lsoa_sicbl.lsoa_code = lsoa_population.lsoa_code
),

summed as (
    select
        sicbl_ons_code,
        ccg21_ods_code,
        sum(people) as people,
        count(*) as lsoas
    from joined
    group by sicbl_ons_code, ccg21_ods_code
)

select
    summed.sicbl_ons_code,
    summed.ccg21_ods_code,
    summed.lsoas,
    summed.people,
    cast(summed.people as double) / sum(summed.people) over (partition by summed.sicbl_ons_code) as weight,
    count(*) over (partition by summed.sicbl_ons_code) as n_ccg21,
    case when basis.has_population then 'lsoa_population' else 'lsoa_count' end as weight_basis
from summed
cross join basis
