{#- One row per organisation x quarter x dashboard OAP indicator (the wide quarter columns melted
    by the stager). 'Q1 2014/15' starts on 1 April 2014, Q4 on 1 January of the second year.
    `#N/A` is the dashboard's "no data for this organisation and quarter" (before a measure was
    collected, a CCG before it existed or after it merged): not available, not a marker of a value
    that could not be computed. Any other marker (`#DIV/0!`, `-`, ...) is not computable. -#}
with melted as (
    select
        *,
        cast(substr(trim(quarter_label), 2, 1) as int) as quarter_number,
        cast(substr(trim(quarter_label), 4, 4) as int) as financial_year_start
    from {{ source('oaps', 'nhse_dashboard_oaps') }}
),

periods as (
    select
        *,
        cast(
            {{ dbt.dateadd(
                'month',
                '3 * (quarter_number - 1)',
                "cast(cast(financial_year_start as " ~ dbt.type_string() ~ ") || '-04-01' as date)"
            ) }} as date
        ) as period_start
    from melted
)

select
    {{ clean_text('dashboard_code') }} as dashboard_code,
    {{ clean_text('dashboard_edition') }} as dashboard_edition,
    {{ clean_code('region_code') }} as region_code,
    {{ clean_code('stp_code') }} as stp_code,
    {{ clean_code('org_code') }} as org_code,
    {{ clean_text('org_name') }} as org_name,
    {{ clean_text('org_type') }} as org_type,
    trim(quarter_label) as quarter_label,
    period_start,
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 3, 'period_start')) }} as date) as period_end,
    {{ clean_text('value') }} as value_text,
    {{ parse_published_number('value') }} as measure_value,
    {{ parse_published_number('value', 'status') }} = 'suppressed' as is_suppressed,
    coalesce(upper(trim(value)) = '#N/A', false) as is_not_available,
    {{ parse_published_number('value', 'status') }} = 'not_computable'
    and not coalesce(upper(trim(value)) = '#N/A', false) as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from periods
