{{ config(materialized='view') }}  -- 500,000 cells a month: read through, not copied
-- Grain: one published MHSDS cell of the latest publication status of its reporting period
-- (Provisional < Performance < Final < Adhoc): breakdown x levels x measure x reporting period.
-- A period republished under a later status replaces every cell of the earlier one.
with latest as (
    {{ latest_publication_rows(ref('stg_nhsd__mhsds_monthly'), ref('stg_nhsd__mhsds_monthly_periods')) }}
)

select
    latest.reporting_period_start,
    latest.reporting_period_end,
    latest.publication_status,
    latest.breakdown,
    latest.primary_level,
    latest.primary_level_description,
    latest.secondary_level,
    latest.secondary_level_description,
    latest.measure_id,
    latest.measure_name,
    latest.measure_value,
    latest.is_suppressed,
    latest.is_not_computable,
    latest.source_file,
    latest.source_row
from latest
