select
    cast(lsoa_vintage as integer) as lsoa_vintage,
    {{ clean_code('lsoa_code') }} as lsoa_code,
    {{ clean_text('lsoa_name') }} as lsoa_name,
    cast(lad_vintage as integer) as lad_vintage,
    {{ clean_code('lad_code') }} as lad_code,
    {{ clean_text('lad_name') }} as lad_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_lsoa_lad') }}
