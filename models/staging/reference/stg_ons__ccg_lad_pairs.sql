select
    cast(vintage as integer) as ccg_vintage,
    {{ clean_code('ccg_ons_code') }} as ccg_ons_code,
    {{ clean_code('ccg_ods_code') }} as ccg_ods_code,
    {{ clean_text('ccg_name') }} as ccg_name,
    cast(lad_vintage as integer) as lad_vintage,
    {{ clean_code('lad_code') }} as lad_code,
    {{ clean_text('lad_name') }} as lad_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ons_ccg_lad_pairs') }}
