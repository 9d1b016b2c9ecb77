-- Grain: one CCG21 (01H or 01K) that the CCG 01H of the vintages 2013-2016 (NHS Cumbria CCG) covered.
-- On 1 April 2017 01H and 01K changed area without a code change: South Cumbria (Furness and South
-- Lakeland) moved from 01H to 01K (Morecambe Bay). Before that 01H was CCG21 01H plus the LSOAs of
-- CCG21 01K in the Barrow-in-Furness (E07000027) and South Lakeland (E07000031) districts; 01K was
-- the rest of CCG21 01K (identity, no weights needed). weight = 01H's people in that CCG21 / all of
-- them, from the latest LSOA populations (else LSOA counts, weight_basis as for Sub-ICB locations).
-- Empty when the LSOA lookup has no such LSOAs (01H then maps 100% to 01H).
with lsoa_ccg21 as (
    select
        lsoa_code,
        max(ccg_ods_code) as ccg21_ods_code,
        max(lad_code) as lad_code
    from {{ ref('stg_ons__lsoa_ccg_lad') }}
    where ccg_vintage = 2021
    group by lsoa_code
),

cumbria_2013_2016 as (
    select
        lsoa_code,
        ccg21_ods_code
    from lsoa_ccg21
    where
        ccg21_ods_code = '01H'
        or (ccg21_ods_code = '01K' and lad_code in ('E07000027', 'E07000031'))
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

summed as (
    select
        cumbria_2013_2016.ccg21_ods_code,
        count(*) as lsoas,
        sum(case when basis.has_population then coalesce(lsoa_population.population, 0) else 1 end) as people
    from cumbria_2013_2016
    cross join basis
    left join lsoa_population on cumbria_2013_2016.lsoa_code = lsoa_population.lsoa_code
    group by cumbria_2013_2016.ccg21_ods_code
)

select
    '01H' as ccg_ods_code,
    2016 as last_vintage,
    summed.ccg21_ods_code,
    summed.lsoas,
    summed.people,
    cast(summed.people as double) / sum(summed.people) over () as weight,
    case when basis.has_population then 'lsoa_population' else 'lsoa_count' end as weight_basis
from summed
cross join basis
