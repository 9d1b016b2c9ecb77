select
    {{ clean_code('ccg_ods_code') }} as ccg_ods_code,
    {{ clean_text('ccg_name') }} as ccg_name,
    {{ clean_code('successor_ods_code') }} as successor_ods_code,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'nhse_dashboard_ccg_mergers') }}
