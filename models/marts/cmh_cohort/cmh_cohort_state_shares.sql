{#- Share of the cohort in each state, by study year (dead counted as a state: shares sum to 1). -#}
with counted as (
    select
        reporting_year,
        state,
        max(state_code) as state_code,
        count(*) as persons
    from {{ ref('int_cmh_cohort__person_states') }}
    group by reporting_year, state
)

select
    reporting_year,
    state,
    state_code,
    persons,
    cast(persons as double) / sum(persons) over (partition by reporting_year) as share_of_cohort
from counted
