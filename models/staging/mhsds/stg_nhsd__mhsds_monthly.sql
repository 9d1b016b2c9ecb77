{#- One row per published MHSDS monthly cell; `NONE` levels become null; `*` (suppressed) and markers
    such as `#DIV/0!` or `-` (not computable) are flagged with a null value, never 0
    (parse_published_number). -#}
{{ config(materialized='view') }}  -- 500,000 cells a month: read through, not copied
select
    {{ ddmmyyyy_to_date('reporting_period_start') }} as reporting_period_start,
    {{ ddmmyyyy_to_date('reporting_period_end') }} as reporting_period_end,
    {{ clean_text('status') }} as publication_status,
    {{ clean_text('breakdown') }} as breakdown,
    nullif({{ clean_code('primary_level') }}, 'NONE') as primary_level,
    nullif({{ clean_text('primary_level_description') }}, 'NONE') as primary_level_description,
    nullif({{ clean_code('secondary_level') }}, 'NONE') as secondary_level,
    nullif({{ clean_text('secondary_level_description') }}, 'NONE') as secondary_level_description,
    {{ clean_code('measure_id') }} as measure_id,
    {{ clean_text('measure_name') }} as measure_name,
    {{ clean_text('measure_value') }} as value_text,
    {{ parse_published_number('measure_value') }} as measure_value,
    {{ parse_published_number('measure_value', 'status') }} = 'suppressed' as is_suppressed,
    {{ parse_published_number('measure_value', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds', 'nhsd_mhsds_monthly') }}
