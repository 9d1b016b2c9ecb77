{#- One row per published restrictive-interventions cell; NONE levels become null; `*` (suppressed)
    and markers such as `#DIV/0!` or `-` (not computable) are flagged with a null value, never 0. -#}
select
    {{ ddmmyyyy_to_date('reporting_period_start') }} as reporting_period_start,
    {{ ddmmyyyy_to_date('reporting_period_end') }} as reporting_period_end,
    {{ clean_text('status') }} as publication_status,
    {{ clean_text('breakdown') }} as breakdown,
    nullif({{ clean_code('level_one') }}, 'NONE') as level_one,
    nullif({{ clean_text('level_one_description') }}, 'NONE') as level_one_description,
    nullif({{ clean_code('level_two') }}, 'NONE') as level_two,
    nullif({{ clean_text('level_two_description') }}, 'NONE') as level_two_description,
    nullif({{ clean_code('level_three') }}, 'NONE') as level_three,
    nullif({{ clean_text('level_three_description') }}, 'NONE') as level_three_description,
    nullif({{ clean_code('level_four') }}, 'NONE') as level_four,
    nullif({{ clean_text('level_four_description') }}, 'NONE') as level_four_description,
    nullif({{ clean_code('level_five') }}, 'NONE') as level_five,
    nullif({{ clean_text('level_five_description') }}, 'NONE') as level_five_description,
    nullif({{ clean_code('level_six') }}, 'NONE') as level_six,
    nullif({{ clean_text('level_six_description') }}, 'NONE') as level_six_description,
    {{ clean_code('metric') }} as metric,
    {{ clean_text('metric_value') }} as value_text,
    {{ parse_published_number('metric_value') }} as metric_value,
    {{ parse_published_number('metric_value', 'status') }} = 'suppressed' as is_suppressed,
    {{ parse_published_number('metric_value', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds', 'nhsd_mhsds_restrictive_interventions') }}
