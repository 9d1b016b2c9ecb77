select
    {{ clean_code('lsoa_code') }} as lsoa_code,
    {{ clean_text('lsoa_name') }} as lsoa_name,
    cast(year as integer) as estimate_year,
    cast(round({{ parse_published_number('all_ages') }}) as bigint) as population,
    {{ parse_published_number('all_ages', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_lsoa_population') }}
