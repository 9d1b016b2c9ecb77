select
    {{ clean_code('trust_code') }} as trust_code,
    {{ clean_text('trust_name') }} as trust_name,
    {{ clean_text('primary_role') }} as primary_role,
    {{ clean_code('ccg_ods_code') }} as geographic_ccg_ods_code,
    {{ clean_text('ccg_name') }} as geographic_ccg_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ods_trust_geographic_ccg') }}
