-- Grain: one published CCG value of an additive OAP indicator (count, bed days or cost): source
-- file x period x indicator x CCG code (any vintage). The input of the CCG21 mapping. Out of scope:
-- questions that cannot be summed over merging CCGs (averages, quartiles, percentages), the
-- 'England' total inside the CCG breakdown, and dashboard cells published as #N/A.
select
    oap.source,
    indicator_keys.indicator_id,
    oap.period_start,
    oap.period_end,
    oap.breakdown1_code as ccg_code,
    oap.breakdown1_description as ccg_name,
    oap.measure_value,
    oap.is_suppressed,
    oap.is_not_computable,
    oap.source_file,
    oap.source_row
from {{ ref('int_oaps__long') }} as oap
inner join {{ ref('oaps_indicator_keys') }} as indicator_keys
    on
        oap.source = indicator_keys.source
        and lower(oap.source_key) = indicator_keys.source_key
        and oap.grouping_kind = indicator_keys.grouping_kind
where
    oap.breakdown1 = 'ccg'
    and oap.breakdown2 is null
    and coalesce(oap.breakdown1_code, '') != 'ENGLAND'
    and not oap.is_not_available
