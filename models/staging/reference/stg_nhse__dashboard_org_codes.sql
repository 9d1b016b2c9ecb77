select
    {{ clean_code('org_code') }} as org_code,
    {{ clean_text('org_name') }} as org_name,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'nhse_dashboard_org_codes') }}
