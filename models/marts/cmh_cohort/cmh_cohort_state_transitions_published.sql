{{ config(tags=['export']) }}
{#- Year-to-year transitions for publication (NHS small-number rule; percentages of from_state
    from unrounded counts). -#}
select
    from_year,
    from_state,
    to_state,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_rate('persons', 'from_state_persons', 100, 1) }} as percent_of_from_state
from {{ ref('cmh_cohort_state_transitions') }}
