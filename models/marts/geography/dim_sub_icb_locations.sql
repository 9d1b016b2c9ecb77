-- Grain: one Sub-ICB location of July 2022 (106 in England): ONS and ODS codes, name, ICB and NHS
-- England region. Every Sub-ICB location kept the ODS code of the 2021 CCG it replaced (six got a
-- new ONS code where the boundary moved): its region is that CCG21's (dim_ccgs).
with sub_icb as (
    select
        sub_icb_ons_code,
        sub_icb_ods_code,
        sub_icb_name,
        icb_ons_code
    from {{ ref('int_geography__sub_icb_locations') }}
),

icbs as (
    select
        icb_ons_code,
        icb_ods_code
    from {{ ref('int_geography__icbs') }}
),

ccgs as (
    select
        ccg21_ods_code,
        ccg21_ons_code,
        region_ons_code
    from {{ ref('dim_ccgs') }}
)

select
    sub_icb.sub_icb_ons_code,
    sub_icb.sub_icb_ods_code,
    sub_icb.sub_icb_name,
    sub_icb.icb_ons_code,
    icbs.icb_ods_code,
    ccgs.region_ons_code as region_code,
    ccgs.ccg21_ons_code as same_code_ccg21_ons_code,
    sub_icb.sub_icb_ons_code != ccgs.ccg21_ons_code as has_new_ons_code
from sub_icb
left join icbs on sub_icb.icb_ons_code = icbs.icb_ons_code
left join ccgs on sub_icb.sub_icb_ods_code = ccgs.ccg21_ods_code
