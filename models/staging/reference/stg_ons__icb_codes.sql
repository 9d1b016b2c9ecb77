select
    cast(vintage as integer) as vintage,
    {{ clean_code('icb_ons_code') }} as icb_ons_code,
    {{ clean_code('icb_ods_code') }} as icb_ods_code,
    {{ clean_text('icb_name') }} as icb_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ons_icb_codes') }}
