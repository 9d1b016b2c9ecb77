select
    {{ clean_code('ccg_ods_code') }} as commissioner_code,
    {{ clean_text('ccg_name') }} as commissioner_name,
    {{ clean_code('trust_code') }} as provider_code,
    {{ clean_text('trust_name') }} as provider_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'nhsd_iapt_trust_ccg_pairs') }}
