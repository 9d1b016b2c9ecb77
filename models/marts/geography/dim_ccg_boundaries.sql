-- Grain: one CCG21 with a boundary (GeoJSON text, WGS84): the smallest loaded 2021 CCG boundary
-- (int_geography__area_boundaries).
select
    ccgs.ccg21_ons_code,
    ccgs.ccg21_ods_code,
    ccgs.ccg21_name,
    boundaries.geometry_geojson,
    boundaries.boundary_source_file
from {{ ref('dim_ccgs') }} as ccgs
inner join {{ ref('int_geography__area_boundaries') }} as boundaries
    on ccgs.ccg21_ons_code = boundaries.area_code
where boundaries.area_type = 'CCG' and boundaries.vintage = 2021
