select
    cast(vintage as integer) as vintage,
    {{ clean_code('ccg_ons_code') }} as ccg_ons_code,
    {{ clean_code('ccg_ods_code') }} as ccg_ods_code,
    {{ clean_text('ccg_name') }} as ccg_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ons_ccg_codes') }}
