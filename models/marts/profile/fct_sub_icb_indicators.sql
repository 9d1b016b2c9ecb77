{{ config(tags=['reference', 'export']) }}
-- Grain: July 2022 Sub-ICB location x indicator x period: the Sub-ICB rows of fct_area_indicators
-- (published by Sub-ICB location, else carried from CCG21: counts summed, ratios rebuilt,
-- suppression carried).
select
    area_code as sub_icb_ons_code,
    indicator_id,
    period_start,
    period_end,
    value,
    numerator,
    denominator,
    is_suppressed,
    is_not_computable,
    source,
    method
from {{ ref('fct_area_indicators') }}
where geography_level = 'sub_icb'
