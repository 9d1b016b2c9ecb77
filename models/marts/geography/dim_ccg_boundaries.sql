-- Grain: one CCG21 with a boundary (GeoJSON text, WGS84). When several boundary files cover the
-- 2021 CCGs (e.g. full-resolution and ultra-generalised), the smallest geometry is kept: the
-- boundaries are for maps, not for areal calculations.
with ranked as (
    select
        area_code,
        geometry_geojson,
        source_file,
        row_number() over (partition by area_code order by length(geometry_geojson), source_file) as rank_in_area
    from {{ ref('stg_ons__area_boundaries') }}
    where area_type = 'CCG' and vintage = 2021
)

select
    ccgs.ccg21_ons_code,
    ccgs.ccg21_ods_code,
    ccgs.ccg21_name,
    ranked.geometry_geojson,
    ranked.source_file as boundary_source_file
from {{ ref('dim_ccgs') }} as ccgs
inner join ranked on ccgs.ccg21_ons_code = ranked.area_code
where ranked.rank_in_area = 1
