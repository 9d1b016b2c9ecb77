{{ config(tags=['reference']) }}
-- Grain: one published LAD x ethnic group cell (stg_ons__lad_ethnicity) x the CCG21 its LAD shares
-- people with (int_ethnicity__lad_ccg21_weights); a LAD missing from the LSOA lookup appears once
-- with unmatched_reason (columns of map_to_ccg21, so audit_unmatched_codes lists it).
with cells as (
    select
        lad_vintage,
        lad_code,
        lad_name,
        ethnic_group,
        population,
        source_file,
        source_row,
        row_number() over (order by source_file, source_row) as map_row_id,
        lad_code as source_code,
        -- mixed first: 'Mixed/multiple ethnic groups: White and Asian' names two other groups
        case
            when lower(ethnic_group) like '%mixed%' or lower(ethnic_group) like '%multiple%' then 'mixed'
            when lower(ethnic_group) like '%white%' then 'white'
            when lower(ethnic_group) like '%asian%' then 'asian'
            when lower(ethnic_group) like '%black%' then 'black'
            when lower(ethnic_group) in ('all', 'total', 'all persons', 'all usual residents') then 'total'
            else 'other'
        end as ethnic_group_key
    from {{ ref('stg_ons__lad_ethnicity') }}
)

select
    cells.lad_vintage,
    cells.lad_code,
    cells.lad_name,
    cells.ethnic_group,
    cells.population,
    cells.source_file,
    cells.source_row,
    cells.map_row_id,
    cells.source_code,
    cells.ethnic_group_key,
    weights.ccg21_ons_code,
    weights.weight,
    weights.method as map_method,
    case
        when weights.lad_code is not null then null
        when cells.lad_code is null then 'missing code'
        else 'LAD code not in the LSOA lookup'
    end as unmatched_reason
from cells
left join {{ ref('int_ethnicity__lad_ccg21_weights') }} as weights
    on
        cells.lad_code = weights.lad_code
        and coalesce(cells.lad_vintage, weights.lad_vintage) = weights.lad_vintage
