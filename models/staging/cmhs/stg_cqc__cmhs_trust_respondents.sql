select
    cast(survey_vintage as integer) as survey_year,
    {{ clean_code('trust_code') }} as trust_code,
    {{ clean_text('trust_name') }} as trust_name,
    cast({{ parse_published_number('respondents') }} as bigint) as respondents,
    {{ parse_published_number('respondents', 'status') }} = 'suppressed' as is_suppressed,
    {{ parse_published_number('respondents', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmhs', 'cqc_cmhs_trust_respondents') }}
