select
    {{ clean_text('indicator_code') }} as indicator_code,
    {{ clean_text('indicator_name') }} as indicator_name,
    {{ clean_text('description') }} as description,
    {{ clean_text('standard') }} as standard,
    {{ clean_text('numerator') }} as numerator,
    {{ clean_text('denominator') }} as denominator,
    {{ clean_text('data_quality') }} as data_quality,
    {{ clean_text('reporting_period') }} as reporting_period,
    {{ clean_text('data_source') }} as data_source,
    {{ clean_text('link') }} as link,
    indicator_name is null as is_section_heading,
    _source_file as source_file,
    _source_row as source_row
from {{ source('reference', 'nhse_dashboard_metadata') }}
