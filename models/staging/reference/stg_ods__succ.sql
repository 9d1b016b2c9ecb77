select
    {{ clean_code('predecessor_code') }} as predecessor_code,
    {{ clean_code('successor_code') }} as successor_code,
    {{ clean_text('succession_reason') }} as succession_reason,
    {{ yyyymmdd_to_date('effective_date') }} as effective_date,
    {{ clean_text('succession_indicator') }} as succession_indicator,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ods_succ') }}
