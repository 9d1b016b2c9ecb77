-- Grain: one Sub-ICB location of July 2022 (Welsh health boards of the same ONS list left out):
-- ONS code, ODS code (the ' - XXX' suffix of the published name), name and ICB ONS code.
select
    area_code as sub_icb_ons_code,
    regexp_extract(area_name, ' - ([0-9A-Z]{3,5})$', 1) as sub_icb_ods_code,
    area_name as sub_icb_name,
    icb_ons_code
from {{ ref('stg_ons__sicbl_icb') }}
where area_type = 'SICBL'
