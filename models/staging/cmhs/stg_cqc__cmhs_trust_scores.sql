select
    cast(survey_vintage as integer) as survey_year,
    {{ clean_code('trust_code') }} as trust_code,
    {{ clean_text('trust_name') }} as trust_name,
    upper(replace(replace(lower(trim(question)), 'mean', ''), '_', '')) as question_id,
    trim(question) as question_heading,
    {{ parse_published_number('mean_score') }} as mean_score,
    {{ parse_published_number('mean_score', 'status') }} = 'suppressed' as is_suppressed,
    {{ parse_published_number('mean_score', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmhs', 'cqc_cmhs_trust_scores') }}
