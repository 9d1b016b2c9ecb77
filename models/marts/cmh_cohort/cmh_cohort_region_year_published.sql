{{ config(tags=['export']) }}
{#- The region x year table for publication (macro suppress_count: counts under 5 null, others
    rounded to 5; rates from the rounded counts, so that they reveal no more than the counts). -#}
select
    region_code,
    region_name,
    reporting_year,
    {{ suppress_count('persons') }} as persons,
    {{ suppress_count('total_contacts') }} as contacts,
    {{ suppress_count('admissions') }} as admissions,
    {{ suppress_count('bed_days') }} as bed_days,
    {{ suppress_rate('total_contacts', 'persons', 1, 1) }} as contacts_per_person,
    {{ suppress_rate('primary_contacts', 'persons', 1, 1) }} as primary_contacts_per_person,
    {{ suppress_rate('secondary_contacts', 'persons', 1, 1) }} as secondary_contacts_per_person,
    {{ suppress_rate('bed_days', 'persons', 1, 1) }} as bed_days_per_person,
    {{ is_suppressed(['persons', 'total_contacts', 'admissions', 'bed_days', 'primary_contacts',
        'secondary_contacts']) }} as is_suppressed
from {{ ref('cmh_cohort_region_year') }}
