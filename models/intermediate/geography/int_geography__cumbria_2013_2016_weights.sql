-- Grain: one CCG21 (01H or 01K) that the CCG 01H of the vintages 2013-2016 (NHS Cumbria CCG) covered.
-- On 1 April 2017 01H and 01K changed area without a code change: South Cumbria (Furness and South
-- Lakeland) moved from 01H to 01K (Morecambe Bay). Before that 01H was CCG21 01H plus the LSOAs of
-- CCG21 01K in the Barrow-in-Furness (E07000027) and South Lakeland (E07000031) districts; 01K was
-- the rest of CCG21 01K (identity, no weights needed). weight = 01H's people in that CCG21 / all of
-- them (int_geography__lsoa_people: LSOA populations, else LSOA counts).
-- Empty when the LSOA lookup has no such LSOAs (01H then maps 100% to 01H).
with cumbria_2013_2016 as (
    select * from {{ ref('int_geography__lsoa_people') }}
    where
        ccg21_ods_code = '01H'
        or (ccg21_ods_code = '01K' and lad_code in ('E07000027', 'E07000031'))
),

summed as (
    select
        ccg21_ods_code,
        count(*) as lsoas,
        sum(people) as people,
        max(weight_basis) as weight_basis
    from cumbria_2013_2016
    group by ccg21_ods_code
)

select
    '01H' as ccg_ods_code,
    2016 as last_vintage,
    ccg21_ods_code,
    lsoas,
    people,
    cast(people as double) / sum(people) over () as weight,
    weight_basis
from summed
