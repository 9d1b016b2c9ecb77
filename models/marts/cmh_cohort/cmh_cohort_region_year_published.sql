{{ config(tags=['export']) }}
{#- The region x year table for publication: counts by the NHS small-number rule, rates from the
    unrounded counts and suppressed when the numerator or denominator is under 5. -#}
select
    region_code,
    region_name,
    reporting_year,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_count('total_contacts') }} as contacts,
    {{ suppress_count('admissions') }} as admissions,
    {{ suppress_count('bed_days') }} as bed_days,
    {{ suppress_rate('total_contacts', 'persons', 1, 2) }} as contacts_per_person,
    {{ suppress_rate('primary_contacts', 'persons', 1, 2) }} as primary_contacts_per_person,
    {{ suppress_rate('secondary_contacts', 'persons', 1, 2) }} as secondary_contacts_per_person,
    {{ suppress_rate('bed_days', 'persons', 1, 2) }} as bed_days_per_person
from {{ ref('cmh_cohort_region_year') }}
