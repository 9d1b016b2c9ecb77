{{ config(tags=['reference']) }}
-- Grain: CCG21 x ethnic-group indicator (share of people in the broad group, %) x period (the CCG
-- indicator contract). LAD counts are shared out to CCG21 by LSOA population weights and summed;
-- the share = group / all groups of the CCG21 (published 'All'/'Total' rows are not counted twice).
-- Period: mid-year of the LAD vintage (2020 when the header names none).
with groups as (
    select
        ccg21_ons_code,
        ethnic_group_key,
        coalesce(lad_vintage, 2020) as lad_vintage,
        sum(population * weight) as people
    from {{ ref('int_ethnicity__ccg_cells_mapped') }}
    where unmatched_reason is null and ethnic_group_key != 'total'
    group by ccg21_ons_code, ethnic_group_key, coalesce(lad_vintage, 2020)
),

totals as (
    select
        ccg21_ons_code,
        lad_vintage,
        sum(people) as people
    from groups
    group by ccg21_ons_code, lad_vintage
)

select
    groups.ccg21_ons_code,
    'ethnicity_' || groups.ethnic_group_key || '_percent' as indicator_id,
    cast(cast(groups.lad_vintage as {{ dbt.type_string() }}) || '-06-30' as date) as period_start,
    cast(cast(groups.lad_vintage as {{ dbt.type_string() }}) || '-06-30' as date) as period_end,
    100 * groups.people / nullif(totals.people, 0) as value,
    groups.people as numerator,
    totals.people as denominator,
    false as is_suppressed,
    false as is_not_computable,
    'ons_lad_ethnicity' as source
from groups
inner join totals
    on groups.ccg21_ons_code = totals.ccg21_ons_code and groups.lad_vintage = totals.lad_vintage
