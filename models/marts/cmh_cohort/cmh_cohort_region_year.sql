{#- Contacts and bed days per person alive, by region x study year, and England (E92000001). -#}
with by_region as (
    select
        person_years.region_code,
        regions.region_name,
        person_years.reporting_year,
        count(*) as persons,
        sum(person_years.primary_mh_contacts) as primary_mh_contacts,
        sum(person_years.iapt_contacts) as iapt_contacts,
        sum(person_years.cmht_contacts) as cmht_contacts,
        sum(person_years.crisis_contacts) as crisis_contacts,
        sum(person_years.primary_contacts) as primary_contacts,
        sum(person_years.secondary_contacts) as secondary_contacts,
        sum(person_years.total_contacts) as total_contacts,
        sum(person_years.admissions) as admissions,
        sum(person_years.bed_days) as bed_days
    from {{ ref('int_cmh_cohort__person_years') }} as person_years
    left join {{ ref('cmh_regions') }} as regions
        on person_years.region_code = regions.region_code
    group by person_years.region_code, regions.region_name, person_years.reporting_year
),

with_england as (
    select * from by_region
    union all
    select
        'E92000001' as region_code,
        'England' as region_name,
        reporting_year,
        sum(persons) as persons,
        sum(primary_mh_contacts) as primary_mh_contacts,
        sum(iapt_contacts) as iapt_contacts,
        sum(cmht_contacts) as cmht_contacts,
        sum(crisis_contacts) as crisis_contacts,
        sum(primary_contacts) as primary_contacts,
        sum(secondary_contacts) as secondary_contacts,
        sum(total_contacts) as total_contacts,
        sum(admissions) as admissions,
        sum(bed_days) as bed_days
    from by_region
    group by reporting_year
)

select
    region_code,
    region_name,
    reporting_year,
    persons,
    primary_mh_contacts,
    iapt_contacts,
    cmht_contacts,
    crisis_contacts,
    primary_contacts,
    secondary_contacts,
    total_contacts,
    admissions,
    bed_days,
    cast(total_contacts as double) / persons as contacts_per_person,
    cast(primary_contacts as double) / persons as primary_contacts_per_person,
    cast(secondary_contacts as double) / persons as secondary_contacts_per_person,
    cast(bed_days as double) / persons as bed_days_per_person
from with_england
