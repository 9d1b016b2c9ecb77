select
    cast(lad_vintage as integer) as lad_vintage,
    {{ clean_code('lad_code') }} as lad_code,
    {{ clean_text('lad_name') }} as lad_name,
    {{ clean_text('ethnic_group') }} as ethnic_group,
    {{ parse_published_number('population') }} as population,
    {{ parse_published_number('population', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_lad_ethnicity') }}
