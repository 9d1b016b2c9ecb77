select
    {{ clean_code('lsoa_code') }} as lsoa_code,
    {{ clean_text('lsoa_name') }} as lsoa_name,
    {{ clean_code('area_code') }} as area_code,
    {{ clean_text('area_name') }} as area_name,
    {{ clean_code('area_type') }} as area_type,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ons_lsoa_sicbl') }}
