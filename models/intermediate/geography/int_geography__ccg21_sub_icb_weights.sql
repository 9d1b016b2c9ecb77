-- Grain: one CCG21 (ODS code) x July 2022 Sub-ICB location (ONS code) that share LSOAs.
-- weight = the CCG21's population (or LSOA count, see weight_basis) living in that Sub-ICB location /
-- the CCG21's whole population: the share of a CCG21 count that belongs to the Sub-ICB location.
-- It is 1 where the Sub-ICB location is the CCG21 unchanged, and a split where boundaries moved in
-- July 2022. The reverse direction (Sub-ICB location -> CCG21) is int_geography__sicbl22_ccg21_weights.
with pairs as (
    select
        sicbl_ons_code,
        ccg21_ods_code,
        lsoas,
        people,
        weight_basis
    from {{ ref('int_geography__sicbl22_ccg21_weights') }}
)

select
    ccg21_ods_code,
    sicbl_ons_code as sub_icb_ons_code,
    lsoas,
    people,
    cast(people as double) / sum(people) over (partition by ccg21_ods_code) as weight,
    count(*) over (partition by ccg21_ods_code) as n_sub_icb,
    weight_basis
from pairs
