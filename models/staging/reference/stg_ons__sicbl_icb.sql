select
    {{ clean_code('area_code') }} as area_code,
    {{ clean_text('area_name') }} as area_name,
    {{ clean_code('area_type') }} as area_type,
    {{ clean_text('country') }} as country,
    {{ clean_code('icb_code') }} as icb_ons_code,
    {{ clean_text('icb_name') }} as icb_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ons_sicbl_icb') }}
