-- Population by NHS England region: the CCG21s' ONS mid-year estimates (dim_ccgs) summed.
select
    region_ods_code,
    region_name,
    count(*) as ccgs,
    sum(population) as population
from {{ ref('dim_ccgs') }}
group by region_ods_code, region_name
order by region_ods_code
