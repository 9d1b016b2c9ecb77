select
    upper(area_type) as area_type,
    cast(vintage as integer) as vintage,
    {{ clean_code('area_code') }} as area_code,
    {{ clean_text('area_name') }} as area_name,
    source_crs,
    geometry_geojson,
    _source_file as source_file,
    _source_row as source_row
from {{ source('boundaries', 'ons_area_boundaries') }}
