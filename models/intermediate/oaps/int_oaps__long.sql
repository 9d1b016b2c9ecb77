-- Grain: one published OAP value: source file x period x question (or dashboard indicator) x
-- breakdown 1 x breakdown 2 (open data and the dashboard extracts in one long shape). Every
-- question is kept; `*` stays suppressed (null value), `#DIV/0!`, `-` and other markers not
-- computable, the dashboard's `#N/A` not available; never 0.
select
    'nhsd_oaps_open_data' as source,
    question as source_key,
    question as source_label,
    case when lower(grouping_label) like 'three%' then 'three_months' else 'month' end as grouping_kind,
    period_start,
    period_end,
    lower(breakdown1) as breakdown1,
    breakdown1_code,
    breakdown1_description,
    lower(breakdown2) as breakdown2,
    breakdown2_code,
    measure_value,
    is_suppressed,
    is_not_computable,
    false as is_not_available,
    source_file,
    source_row
from {{ ref('stg_nhsd__oaps_open_data') }}

union all

select
    'nhse_dashboard_oaps' as source,
    dashboard_code as source_key,
    dashboard_code as source_label,
    'quarter' as grouping_kind,
    period_start,
    period_end,
    case when lower(org_type) = 'national' then 'england' else lower(org_type) end as breakdown1,
    org_code as breakdown1_code,
    org_name as breakdown1_description,
    cast(null as {{ dbt.type_string() }}) as breakdown2,
    cast(null as {{ dbt.type_string() }}) as breakdown2_code,
    measure_value,
    is_suppressed,
    is_not_computable,
    is_not_available,
    source_file,
    source_row
from {{ ref('stg_nhse__dashboard_oaps') }}
