{#- The cohort: people with at least one contact (any setting) in the first study year, alive then. -#}
with first_year_contacts as (
    select distinct contacts.person_id
    from {{ ref('stg_cohort__contacts') }} as contacts
    inner join {{ ref('stg_cohort__persons') }} as persons
        on contacts.person_id = persons.person_id
    where
        extract(year from contacts.contact_date) = {{ var('cmh_first_year') }}
        and (persons.death_date is null or contacts.contact_date <= persons.death_date)
)

select
    persons.person_id,
    persons.sex,
    persons.birth_year,
    {{ var('cmh_first_year') }} - persons.birth_year as age_at_start,
    persons.ethnic_group,
    persons.region_code,
    persons.imd_decile,
    persons.diagnosis_group,
    persons.death_date,
    case
        when extract(year from persons.death_date) <= {{ var('cmh_last_year') }}
            then cast(extract(year from persons.death_date) as integer)
    end as death_year,
    cast(
        least(coalesce(extract(year from persons.death_date), {{ var('cmh_last_year') }}), {{ var('cmh_last_year') }})
        as integer
    ) as last_year_alive,
    cast(
        least(coalesce(extract(year from persons.death_date), {{ var('cmh_last_year') }}), {{ var('cmh_last_year') }})
        - {{ var('cmh_first_year') }} + 1 as integer
    ) as years_alive
from {{ ref('stg_cohort__persons') }} as persons
inner join first_year_contacts
    on persons.person_id = first_year_contacts.person_id
