{#- One row per published MHSDS monthly cell; `NONE` levels become null, `*` is flagged, never 0. -#}
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
    {{ text_to_number('measure_value') }} as measure_value,
    coalesce(trim(measure_value) = '*', false) as is_suppressed,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds', 'nhsd_mhsds_monthly') }}
