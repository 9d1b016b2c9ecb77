select
    cast(survey_vintage as integer) as survey_year,
    {{ clean_code('trust_code') }} as trust_code,
    {{ clean_text('trust_name') }} as trust_name,
    {{ text_to_number('respondents', 'bigint') }} as respondents,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmhs', 'cqc_cmhs_trust_respondents') }}
