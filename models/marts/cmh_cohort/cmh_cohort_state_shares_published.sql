{{ config(tags=['export']) }}
{#- State shares by year for publication (macro suppress_count; whole-number percentages of the
    rounded counts). -#}
select
    reporting_year,
    state,
    state_code,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_rate('persons', 'sum(persons) over (partition by reporting_year)', 100) }} as percent_of_cohort,
    {{ is_suppressed(['persons']) }} as is_suppressed
from {{ ref('cmh_cohort_state_shares') }}
