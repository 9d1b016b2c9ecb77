-- Grain: one Integrated Care Board of July 2022 (42 in England): ONS and ODS codes, name, and the
-- NHS England region of its Sub-ICB locations (the most common one, should they differ).
with icbs as (
    select
        icb_ons_code,
        icb_ods_code,
        icb_name
    from {{ ref('int_geography__icbs') }}
),

sub_icb_regions as (
    select
        sub_icb.icb_ons_code,
        ccgs.region_ons_code,
        ccgs.region_name,
        count(*) as sub_icb_locations
    from {{ ref('int_geography__sub_icb_locations') }} as sub_icb
    inner join {{ ref('dim_ccgs') }} as ccgs on sub_icb.sub_icb_ods_code = ccgs.ccg21_ods_code
    group by sub_icb.icb_ons_code, ccgs.region_ons_code, ccgs.region_name
),

icb_region as (
    select
        icb_ons_code,
        region_ons_code,
        region_name
    from sub_icb_regions
    qualify row_number() over (partition by icb_ons_code order by sub_icb_locations desc, region_ons_code asc) = 1
)

select
    icbs.icb_ons_code,
    icbs.icb_ods_code,
    icbs.icb_name,
    icb_region.region_ons_code as region_code,
    icb_region.region_name
from icbs
left join icb_region on icbs.icb_ons_code = icb_region.icb_ons_code
