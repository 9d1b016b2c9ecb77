{{ config(tags=['reference', 'export']) }}
-- Grain: ICB (July 2022) x indicator x period: the ICB rows of fct_area_indicators (published by ICB,
-- e.g. the MHSDS "ICB of GP Practice or Residence" breakdown, else carried from CCG21: counts summed,
-- ratios rebuilt, suppression carried).
select
    area_code as icb_ons_code,
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
where geography_level = 'icb'
