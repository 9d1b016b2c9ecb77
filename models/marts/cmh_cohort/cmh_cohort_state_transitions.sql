{#- Year-to-year transitions between states: persons in from_state in from_year and to_state the
    next year, with the share of everyone in from_state that year. Dead is absorbing, so its rows
    (dead -> dead) are left out. -#}
with pairs as (
    select
        this_year.reporting_year as from_year,
        this_year.state as from_state,
        next_year.state as to_state,
        count(*) as persons
    from {{ ref('int_cmh_cohort__person_states') }} as this_year
    inner join {{ ref('int_cmh_cohort__person_states') }} as next_year
        on this_year.person_id = next_year.person_id and next_year.reporting_year = this_year.reporting_year + 1
    where this_year.state != 'dead'
    group by this_year.reporting_year, this_year.state, next_year.state
)

select
    from_year,
    from_state,
    to_state,
    persons,
    sum(persons) over (partition by from_year, from_state) as from_state_persons,
    cast(persons as double) / sum(persons) over (partition by from_year, from_state) as share_of_from_state
from pairs
