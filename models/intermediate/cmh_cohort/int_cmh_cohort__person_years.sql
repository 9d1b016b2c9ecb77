{#- One row per cohort person and study year while alive (the year of death included), with
    contacts by setting, bed days and the yearly state. Events after the death date are ignored.

    State ladder (the first rule that holds wins):
      dead            the person died in this year
      inpatient       in hospital at some point of the year (admitted in it, or a night in it)
      secondary_high  at least var cmh_secondary_high_contacts (12) CMHT + crisis/home treatment contacts
      secondary_low   at least one CMHT or crisis/home treatment contact
      primary_only    at least one primary care mental health or IAPT contact, no secondary
      none            no contact and no admission -#}
with years as (
    {{ cmh_study_years() }}
),

person_years as (
    select
        cohort.person_id,
        cohort.region_code,
        cohort.death_date,
        years.reporting_year,
        coalesce(years.reporting_year = cohort.death_year, false) as is_death_year
    from {{ ref('int_cmh_cohort__persons') }} as cohort
    inner join years
        on cohort.last_year_alive >= years.reporting_year
),

contacts as (
    select
        person_years.person_id,
        person_years.reporting_year,
        sum(case when contacts.setting = 'primary_mh' then 1 else 0 end) as primary_mh_contacts,
        sum(case when contacts.setting = 'iapt' then 1 else 0 end) as iapt_contacts,
        sum(case when contacts.setting = 'cmht' then 1 else 0 end) as cmht_contacts,
        sum(case when contacts.setting = 'crisis_home_treatment' then 1 else 0 end) as crisis_contacts
    from person_years
    inner join {{ ref('stg_cohort__contacts') }} as contacts
        on
            person_years.person_id = contacts.person_id
            and person_years.reporting_year = extract(year from contacts.contact_date)
            and (person_years.death_date is null or person_years.death_date >= contacts.contact_date)
    group by person_years.person_id, person_years.reporting_year
),

-- a spell without discharge lasts until death or the end of the study
spells as (
    select
        admissions.person_id,
        admissions.admission_date,
        least(
            coalesce(admissions.discharge_date, persons.death_date, make_date({{ var('cmh_last_year') }} + 1, 1, 1)),
            coalesce(persons.death_date, admissions.discharge_date, make_date({{ var('cmh_last_year') }} + 1, 1, 1))
        ) as spell_end
    from {{ ref('stg_cohort__admissions') }} as admissions
    inner join {{ ref('int_cmh_cohort__persons') }} as persons
        on admissions.person_id = persons.person_id
    where persons.death_date is null or admissions.admission_date <= persons.death_date
),

-- bed days = nights in hospital within the year (midnights from admission to discharge)
spell_years as (
    select
        person_years.person_id,
        person_years.reporting_year,
        spells.admission_date,
        greatest(
            0,
            {{ dbt.datediff(
                'greatest(spells.admission_date, make_date(person_years.reporting_year, 1, 1))',
                'least(spells.spell_end, make_date(person_years.reporting_year + 1, 1, 1))',
                'day'
            ) }}
        ) as bed_days
    from person_years
    inner join spells
        on
            person_years.person_id = spells.person_id
            and spells.admission_date < make_date(person_years.reporting_year + 1, 1, 1)
            and spells.spell_end >= make_date(person_years.reporting_year, 1, 1)
),

beds as (
    select
        person_id,
        reporting_year,
        sum(bed_days) as bed_days,
        sum(case when extract(year from admission_date) = reporting_year then 1 else 0 end) as admissions,
        sum(case when extract(year from admission_date) = reporting_year or bed_days > 0 then 1 else 0 end)
            as spells_in_year
    from spell_years
    group by person_id, reporting_year
),

counted as (
    select
        person_years.person_id,
        person_years.reporting_year,
        person_years.region_code,
        person_years.is_death_year,
        cast(coalesce(contacts.primary_mh_contacts, 0) as integer) as primary_mh_contacts,
        cast(coalesce(contacts.iapt_contacts, 0) as integer) as iapt_contacts,
        cast(coalesce(contacts.cmht_contacts, 0) as integer) as cmht_contacts,
        cast(coalesce(contacts.crisis_contacts, 0) as integer) as crisis_contacts,
        cast(coalesce(beds.admissions, 0) as integer) as admissions,
        cast(coalesce(beds.spells_in_year, 0) as integer) as spells_in_year,
        cast(coalesce(beds.bed_days, 0) as integer) as bed_days
    from person_years
    left join contacts
        on person_years.person_id = contacts.person_id and person_years.reporting_year = contacts.reporting_year
    left join beds
        on person_years.person_id = beds.person_id and person_years.reporting_year = beds.reporting_year
),

with_totals as (
    select
        *,
        primary_mh_contacts + iapt_contacts as primary_contacts,
        cmht_contacts + crisis_contacts as secondary_contacts,
        primary_mh_contacts + iapt_contacts + cmht_contacts + crisis_contacts as total_contacts
    from counted
),

laddered as (
    select
        *,
        case
            when is_death_year then 'dead'
            when spells_in_year > 0 then 'inpatient'
            when secondary_contacts >= {{ var('cmh_secondary_high_contacts') }} then 'secondary_high'
            when secondary_contacts > 0 then 'secondary_low'
            when primary_contacts > 0 then 'primary_only'
            else 'none'
        end as state
    from with_totals
)

select
    person_id,
    reporting_year,
    region_code,
    is_death_year,
    primary_mh_contacts,
    iapt_contacts,
    cmht_contacts,
    crisis_contacts,
    primary_contacts,
    secondary_contacts,
    total_contacts,
    admissions,
    spells_in_year,
    bed_days,
    state,
    {{ cmh_state_code('state') }} as state_code
from laddered
