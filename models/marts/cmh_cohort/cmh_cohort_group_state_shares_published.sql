{{ config(tags=['export', 'python']) }}
{#- State by year within each group, for publication and the plot by group (macro suppress_count:
    persons under 5 null; whole-number percentages of the rounded counts; the group's size rounded
    to 5). -#}
with counted as (
    select
        person_groups.group_id,
        person_states.reporting_year,
        person_states.state,
        count(*) as persons
    from {{ ref('cmh_cohort_person_groups') }} as person_groups
    inner join {{ ref('int_cmh_cohort__person_states') }} as person_states
        on person_groups.person_id = person_states.person_id
    group by person_groups.group_id, person_states.reporting_year, person_states.state
),

with_group_size as (
    select
        group_id,
        reporting_year,
        state,
        persons,
        sum(persons) over (partition by group_id, reporting_year) as group_persons
    from counted
)

select
    group_id,
    reporting_year,
    state,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_count('group_persons') }} as group_persons,
    {{ suppress_rate('persons', 'group_persons', 100) }} as percent_of_group,
    {{ is_suppressed(['persons', 'group_persons']) }} as is_suppressed
from with_group_size
