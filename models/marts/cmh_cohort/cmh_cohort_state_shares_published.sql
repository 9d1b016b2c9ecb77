{{ config(tags=['export']) }}
{#- State shares by year for publication (NHS small-number rule; percentages from unrounded counts). -#}
select
    reporting_year,
    state,
    state_code,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_rate('persons', 'sum(persons) over (partition by reporting_year)', 100, 1) }} as percent_of_cohort
from {{ ref('cmh_cohort_state_shares') }}
