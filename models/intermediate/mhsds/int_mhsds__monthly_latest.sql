{{ config(materialized='view') }}  -- 500,000 cells a month: read through, not copied
-- Grain: one published MHSDS cell of the latest publication status of its reporting period
-- (Provisional < Performance < Final < Adhoc): breakdown x levels x measure x reporting period.
-- A period republished under a later status replaces every cell of the earlier one.
with ranked as (
    select
        *,
        {{ publication_status_rank('publication_status') }} as status_rank
    from {{ ref('stg_nhsd__mhsds_monthly') }}
),

latest as (
    select
        reporting_period_start,
        reporting_period_end,
        max(status_rank) as latest_rank
    from ranked
    group by reporting_period_start, reporting_period_end
)

select
    ranked.reporting_period_start,
    ranked.reporting_period_end,
    ranked.publication_status,
    ranked.breakdown,
    ranked.primary_level,
    ranked.primary_level_description,
    ranked.secondary_level,
    ranked.secondary_level_description,
    ranked.measure_id,
    ranked.measure_name,
    ranked.measure_value,
    ranked.is_suppressed,
    ranked.is_not_computable,
    ranked.source_file,
    ranked.source_row
from ranked
inner join latest
    on
        ranked.reporting_period_start = latest.reporting_period_start
        and ranked.reporting_period_end = latest.reporting_period_end
        and ranked.status_rank = latest.latest_rank
