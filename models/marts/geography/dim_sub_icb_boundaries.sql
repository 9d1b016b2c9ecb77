{{ config(tags=["boundaries"]) }}
-- Grain: one July 2022 Sub-ICB location with a boundary polygon (GeoJSON text, WGS84): the smallest
-- loaded Sub-ICB boundary (int_geography__area_boundaries). Exported as sub_icb_boundaries.geojson;
-- icb_boundaries.geojson groups these polygons by ICB.
select
    sub_icb.sub_icb_ons_code,
    sub_icb.sub_icb_ods_code,
    sub_icb.sub_icb_name,
    sub_icb.icb_ons_code,
    boundaries.geometry_geojson,
    boundaries.boundary_source_file
from {{ ref('dim_sub_icb_locations') }} as sub_icb
inner join {{ ref('int_geography__area_boundaries') }} as boundaries
    on sub_icb.sub_icb_ons_code = boundaries.area_code
where boundaries.area_type = 'SICBL' and boundaries.vintage = 2022
