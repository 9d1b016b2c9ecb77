-- Grain: one Integrated Care Board of July 2022 (42 in England; from the Sub-ICB to ICB list), with
-- its ODS code (Q..) from the latest ONS ICB names-and-codes list, matched on the ONS code, else on
-- the name (Surrey Heartlands and Sussex got new E54 codes in April 2024 when a boundary moved).
with icb22 as (
    select
        icb_ons_code,
        max(icb_name) as icb_name
    from {{ ref('stg_ons__sicbl_icb') }}
    where area_type = 'SICBL'
    group by icb_ons_code
),

icb_lists as (
    select
        icb_ons_code,
        icb_ods_code,
        upper(icb_name) as icb_name_upper
    from {{ ref('stg_ons__icb_codes') }}
    qualify row_number() over (partition by icb_ons_code order by vintage desc) = 1
),

matched as (
    select
        icb22.icb_ons_code,
        max(icb22.icb_name) as icb_name,
        max(by_code.icb_ods_code) as ods_code_by_ons_code,
        max(by_name.icb_ods_code) as ods_code_by_name
    from icb22
    left join icb_lists as by_code on icb22.icb_ons_code = by_code.icb_ons_code
    left join icb_lists as by_name on upper(icb22.icb_name) = by_name.icb_name_upper
    group by icb22.icb_ons_code
)

select
    icb_ons_code,
    coalesce(ods_code_by_ons_code, ods_code_by_name) as icb_ods_code,
    icb_name,
    case
        when ods_code_by_ons_code is not null then 'ons_code'
        when ods_code_by_name is not null then 'name'
    end as ods_code_matched_by
from matched
