{#- Every cohort person x every study year: the yearly state of int_cmh_cohort__person_years, and `dead`
    (code D) in the years after death (an absorbing state, so sequences have a fixed length). -#}
with years as (
    {{ cmh_study_years() }}
)

select
    cohort.person_id,
    years.reporting_year,
    cohort.region_code,
    person_years.person_id is not null as is_alive_in_year,
    coalesce(person_years.state, 'dead') as state,
    coalesce(person_years.state_code, 'D') as state_code,
    coalesce(person_years.primary_contacts, 0) as primary_contacts,
    coalesce(person_years.secondary_contacts, 0) as secondary_contacts,
    coalesce(person_years.bed_days, 0) as bed_days
from {{ ref('int_cmh_cohort__persons') }} as cohort
cross join years
left join {{ ref('int_cmh_cohort__person_years') }} as person_years
    on cohort.person_id = person_years.person_id and years.reporting_year = person_years.reporting_year
