{{ config(tags=["boundaries"]) }}
-- Grain: one July 2022 Sub-ICB location with a boundary polygon (GeoJSON text, WGS84), the smallest
-- of the loaded Sub-ICB boundary files (for maps, not areal calculations). Exported as
-- sub_icb_boundaries.geojson; icb_boundaries.geojson groups these polygons by ICB.
with ranked as (
    select
        area_code,
        geometry_geojson,
        source_file,
        row_number() over (partition by area_code order by length(geometry_geojson), source_file) as rank_in_area
    from {{ ref('stg_ons__area_boundaries') }}
    where area_type = 'SICBL' and vintage = 2022
)

select
    sub_icb.sub_icb_ons_code,
    sub_icb.sub_icb_ods_code,
    sub_icb.sub_icb_name,
    sub_icb.icb_ons_code,
    ranked.geometry_geojson,
    ranked.source_file as boundary_source_file
from {{ ref('dim_sub_icb_locations') }} as sub_icb
inner join ranked on sub_icb.sub_icb_ons_code = ranked.area_code
where ranked.rank_in_area = 1
