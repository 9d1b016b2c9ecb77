select
    {{ clean_code('org_code') }} as org_code,
    {{ clean_text('org_name') }} as org_name,
    {{ clean_code('national_grouping') }} as national_grouping_code,
    {{ clean_code('high_level_health_geography') }} as high_level_health_geography_code,
    {{ clean_code('postcode') }} as postcode,
    {{ yyyymmdd_to_date('open_date') }} as open_date,
    {{ yyyymmdd_to_date('close_date') }} as close_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'ods_etr') }}
