{#- Region mix of each group: persons of the group living in each region, as a share of the group
    and compared with the region's share of the whole cohort (ratio > 1: over-represented). -#}
with counted as (
    select
        person_groups.group_id,
        persons.region_code,
        count(*) as persons
    from {{ ref('cmh_cohort_person_groups') }} as person_groups
    inner join {{ ref('int_cmh_cohort__persons') }} as persons
        on person_groups.person_id = persons.person_id
    group by person_groups.group_id, persons.region_code
),

shares as (
    select
        group_id,
        region_code,
        persons,
        cast(persons as double) / sum(persons) over (partition by group_id) as share_of_group,
        cast(sum(persons) over (partition by region_code) as double) / sum(persons) over () as share_of_cohort
    from counted
)

select
    group_id,
    region_code,
    persons,
    share_of_group,
    share_of_group / share_of_cohort as representation_ratio
from shares
