{{ config(tags=["boundaries"]) }}
-- Grain: one area (area_type x vintage x area_code) with a boundary polygon (GeoJSON text, WGS84).
-- When several loaded boundary files cover the same areas (e.g. full-resolution and ultra-generalised),
-- the smallest geometry is kept: the boundaries are for maps, not for areal calculations.
select
    area_type,
    vintage,
    area_code,
    geometry_geojson,
    source_file as boundary_source_file
from {{ ref('stg_ons__area_boundaries') }}
qualify row_number() over (
    partition by area_type, vintage, area_code order by length(geometry_geojson), source_file
) = 1
