{{ config(tags=['reference']) }}
-- Grain: local authority district (of any vintage in the LSOA -> LAD lookup, e.g. LAD20) x CCG21,
-- with the LAD's share of people living in that CCG21 (weights sum to 1 per LAD). Built from LSOAs:
-- LSOA -> LAD (stg_ons__lsoa_lad) and LSOA -> CCG21 (the ONS LSOA11 -> CCG21 -> LAD21 lookup),
-- weighted by the latest LSOA population (else by LSOA count). LAD20 codes that no longer exist in
-- 2021 keep their rows (the data map lost them).
with lsoa_population as (
    select
        lsoa_code,
        population
    from {{ ref('stg_ons__lsoa_population') }}
    qualify row_number() over (partition by lsoa_code order by estimate_year desc) = 1
),

lsoa_ccg21 as (
    select distinct
        lsoa_code,
        ccg_ons_code as ccg21_ons_code
    from {{ ref('stg_ons__lsoa_ccg_lad') }}
    where ccg_vintage = 2021
),

shares as (
    select
        lad.lad_vintage,
        lad.lad_code,
        lsoa_ccg21.ccg21_ons_code,
        count(*) as lsoas,
        sum(coalesce(lsoa_population.population, 1)) as people,
        max(case when lsoa_population.population is null then 1 else 0 end) = 1 as used_lsoa_count
    from {{ ref('stg_ons__lsoa_lad') }} as lad
    inner join lsoa_ccg21 on lad.lsoa_code = lsoa_ccg21.lsoa_code
    left join lsoa_population on lad.lsoa_code = lsoa_population.lsoa_code
    group by lad.lad_vintage, lad.lad_code, lsoa_ccg21.ccg21_ons_code
)

select
    lad_vintage,
    lad_code,
    ccg21_ons_code,
    lsoas,
    people,
    cast(people as double) / sum(people) over (partition by lad_vintage, lad_code) as weight,
    case when used_lsoa_count then 'lsoa_count' else 'lsoa_population' end as method
from shares
