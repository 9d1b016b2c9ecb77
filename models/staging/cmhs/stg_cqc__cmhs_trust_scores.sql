select
    cast(survey_vintage as integer) as survey_year,
    {{ clean_code('trust_code') }} as trust_code,
    {{ clean_text('trust_name') }} as trust_name,
    upper(replace(replace(lower(trim(question)), 'mean', ''), '_', '')) as question_id,
    trim(question) as question_heading,
    {{ text_to_number('mean_score') }} as mean_score,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmhs', 'cqc_cmhs_trust_scores') }}
