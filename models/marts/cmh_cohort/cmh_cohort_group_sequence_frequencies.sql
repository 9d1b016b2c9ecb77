{{ config(tags=['export', 'python']) }}
{#- Distinct state sequences per group with the people sharing them, for publication: counts by the
    NHS small-number rule (persons null and is_suppressed when fewer than 5 people; the sequence
    index plots draw only the others). -#}
with counted as (
    select
        person_groups.group_id,
        person_sequences.state_sequence,
        count(*) as persons
    from {{ ref('cmh_cohort_person_groups') }} as person_groups
    inner join {{ ref('cmh_cohort_person_sequences') }} as person_sequences
        on person_groups.person_id = person_sequences.person_id
    group by person_groups.group_id, person_sequences.state_sequence
)

select
    group_id,
    state_sequence,
    {{ suppress_count('persons') }} as persons,
    {{ is_suppressed(['persons']) }} as is_suppressed
from counted
