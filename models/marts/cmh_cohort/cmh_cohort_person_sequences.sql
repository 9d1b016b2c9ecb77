{#- One fixed-length state string per cohort person: one letter per study year (ladder codes
    D dead, I inpatient, H secondary high, L secondary low, P primary only, N none). -#}
select
    states.person_id,
    max(states.region_code) as region_code,
    {{ cmh_state_sequence('states.reporting_year', 'states.state_code') }} as state_sequence,
    cast(sum(case when states.is_alive_in_year then 1 else 0 end) as integer) as years_alive,
    cast(sum(case when states.state = 'dead' then 1 else 0 end) as integer) as years_dead,
    cast(sum(case when states.state = 'inpatient' then 1 else 0 end) as integer) as years_inpatient,
    cast(sum(case when states.state = 'secondary_high' then 1 else 0 end) as integer) as years_secondary_high,
    cast(sum(case when states.state = 'secondary_low' then 1 else 0 end) as integer) as years_secondary_low,
    cast(sum(case when states.state = 'primary_only' then 1 else 0 end) as integer) as years_primary_only,
    cast(sum(case when states.state = 'none' then 1 else 0 end) as integer) as years_none
from {{ ref('int_cmh_cohort__person_states') }} as states
group by states.person_id
