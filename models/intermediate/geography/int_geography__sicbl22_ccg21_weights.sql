-- Grain: one July 2022 Sub-ICB location (ONS code) x CCG21 (ODS code) that share LSOAs.
-- weight = the Sub-ICB's people living in that CCG21 / all its people (int_geography__lsoa_people:
-- LSOA populations, else LSOA counts; weight_basis says which).
with lsoa_sicbl as (
    select
        lsoa_code,
        area_code as sicbl_ons_code
    from {{ ref('stg_ons__lsoa_sicbl') }}
    where area_type = 'SICBL'
),

lsoa_people as (
    select * from {{ ref('int_geography__lsoa_people') }}
),

summed as (
    select
        lsoa_sicbl.sicbl_ons_code,
        lsoa_people.ccg21_ods_code,
        sum(lsoa_people.people) as people,
        count(*) as lsoas,
        max(lsoa_people.weight_basis) as weight_basis
    from lsoa_sicbl
    inner join lsoa_people on lsoa_sicbl.lsoa_code = lsoa_people.lsoa_code
    group by lsoa_sicbl.sicbl_ons_code, lsoa_people.ccg21_ods_code
)

select
    sicbl_ons_code,
    ccg21_ods_code,
    lsoas,
    people,
    cast(people as double) / sum(people) over (partition by sicbl_ons_code) as weight,
    count(*) over (partition by sicbl_ons_code) as n_ccg21,
    weight_basis
from summed
