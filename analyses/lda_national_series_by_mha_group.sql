-- The LDA Mental Health Act measures for England, month by month, by MHA group (the published,
-- suppressed table: '*' = fewer than 5, other counts to the nearest 5).
select
    reporting_period_start,
    reporting_period_end,
    measure_id,
    measure_name,
    informal,
    part_2,
    part_3_no_restrictions,
    part_3_with_restrictions,
    other,
    total
from {{ ref('lda_mha_published') }}
where breakdown = 'England'
order by reporting_period_start, measure_id
