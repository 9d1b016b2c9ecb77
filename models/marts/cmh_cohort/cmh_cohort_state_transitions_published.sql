{{ config(tags=['export']) }}
{#- Year-to-year transitions for publication (macro suppress_count; whole-number percentages of the
    rounded counts of from_state). -#}
select
    from_year,
    from_state,
    to_state,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_rate('persons', 'from_state_persons', 100) }} as percent_of_from_state,
    {{ is_suppressed(['persons', 'from_state_persons']) }} as is_suppressed
from {{ ref('cmh_cohort_state_transitions') }}
