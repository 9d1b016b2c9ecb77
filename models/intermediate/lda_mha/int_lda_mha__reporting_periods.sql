-- Rule 1: the reporting months are the UniqMonthIDs of MHS000Header; the period comes from the
-- header's dates (derived from UniqMonthID where a header has none).
select
    uniq_month_id,
    coalesce(min(reporting_period_start_date), {{ uniq_month_start('uniq_month_id') }}) as reporting_period_start,
    coalesce(
        max(reporting_period_end_date),
        cast({{ uniq_month_start('uniq_month_id') }} + interval 1 month - interval 1 day as date)
    ) as reporting_period_end,
    count(distinct provider_code) as submitting_providers
from {{ ref('stg_nhsd__mhs000_header') }}
where uniq_month_id is not null
group by uniq_month_id
