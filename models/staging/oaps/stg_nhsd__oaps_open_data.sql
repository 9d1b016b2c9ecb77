{#- One row per published OAP cell. The month comes from PublicationPeriod (yyyy/mm, from Feb 2017)
    or, for earlier files without a period column, from the file name (oaps-open-data-oct-2016.csv).
    Values by parse_published_number: `£297,439` is 297439; `*` suppressed; `#DIV/0!`, `-` and other
    markers not computable (null value, flagged). -#}
with source_rows as (
    select
        *,
        case lower(file_month_name)
            when 'jan' then '01' when 'feb' then '02' when 'mar' then '03' when 'apr' then '04'
            when 'may' then '05' when 'jun' then '06' when 'jul' then '07' when 'aug' then '08'
            when 'sep' then '09' when 'oct' then '10' when 'nov' then '11' when 'dec' then '12'
        end as file_month_number
    from {{ source('oaps', 'nhsd_oaps_open_data') }}
),

periods as (
    select
        *,
        coalesce(
            try_cast(replace(trim(publication_period), '/', '-') || '-01' as date),
            try_cast(file_year || '-' || file_month_number || '-01' as date)
        ) as period_month_start
    from source_rows
)

select
    -- Grouping `ThreeMonth` (later files) covers the month and the two before it.
    case
        when lower(trim(grouping)) like 'three%'
            then cast({{ dbt.dateadd('month', -2, 'period_month_start') }} as date)
        else period_month_start
    end as period_start,
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'period_month_start')) }} as date) as period_end,
    case
        when publication_period is not null then 'PublicationPeriod column'
        when period_month_start is not null then 'file name'
    end as period_taken_from,
    {{ clean_text('publication_date') }} as publication_date,
    {{ clean_text('grouping') }} as grouping_label,
    {{ clean_text('question') }} as question,
    {{ clean_text('breakdown1') }} as breakdown1,
    {{ clean_code('breakdown1_code') }} as breakdown1_code,
    {{ clean_text('breakdown1_description') }} as breakdown1_description,
    {{ clean_text('breakdown2') }} as breakdown2,
    {{ clean_code('breakdown2_code') }} as breakdown2_code,
    {{ clean_text('breakdown2_description') }} as breakdown2_description,
    {{ clean_text('value') }} as value_text,
    {{ parse_published_number('value') }} as measure_value,
    {{ parse_published_number('value', 'status') }} = 'suppressed' as is_suppressed,
    {{ parse_published_number('value', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from periods
