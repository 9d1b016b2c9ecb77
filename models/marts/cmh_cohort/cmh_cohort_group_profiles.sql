{#- What each group looks like: size, mean years per state, demographics, main region, mortality
    and its typical sequence (the medoid of the clustering sample). -#}
with chosen as (
    select clusters.*
    from {{ ref('int_cmh_cohort__sequence_clusters') }} as clusters
    inner join {{ ref('cmh_cohort_group_selection') }} as selection
        on clusters.k = selection.k
    where selection.is_chosen
),

people as (
    select
        chosen.group_id,
        chosen.is_medoid,
        person_sequences.state_sequence,
        person_sequences.years_alive,
        person_sequences.years_dead,
        person_sequences.years_inpatient,
        person_sequences.years_secondary_high,
        person_sequences.years_secondary_low,
        person_sequences.years_primary_only,
        person_sequences.years_none,
        persons.sex,
        persons.age_at_start,
        persons.region_code,
        persons.diagnosis_group,
        persons.death_year
    from chosen
    inner join {{ ref('cmh_cohort_person_sequences') }} as person_sequences
        on chosen.person_id = person_sequences.person_id
    inner join {{ ref('int_cmh_cohort__persons') }} as persons
        on chosen.person_id = persons.person_id
),

main_region as (
    select
        group_id,
        region_code,
        row_number() over (partition by group_id order by count(*) desc, region_code asc) as rank_in_group
    from people
    group by group_id, region_code
),

main_diagnosis as (
    select
        group_id,
        diagnosis_group,
        row_number() over (partition by group_id order by count(*) desc, diagnosis_group asc) as rank_in_group
    from people
    group by group_id, diagnosis_group
),

profiles as (
    select
        group_id,
        count(*) as persons,
        cast(count(*) as double) / sum(count(*)) over () as share_of_cohort,
        max(case when is_medoid then state_sequence end) as typical_sequence,
        avg(years_alive) as mean_years_alive,
        avg(years_dead) as mean_years_dead,
        avg(years_inpatient) as mean_years_inpatient,
        avg(years_secondary_high) as mean_years_secondary_high,
        avg(years_secondary_low) as mean_years_secondary_low,
        avg(years_primary_only) as mean_years_primary_only,
        avg(years_none) as mean_years_none,
        avg(case when sex = 'F' then 1.0 else 0.0 end) as share_female,
        avg(age_at_start) as mean_age_at_start,
        avg(case when death_year is not null then 1.0 else 0.0 end) as share_died
    from people
    group by group_id
)

select
    profiles.group_id,
    profiles.persons,
    profiles.share_of_cohort,
    profiles.typical_sequence,
    profiles.mean_years_alive,
    profiles.mean_years_dead,
    profiles.mean_years_inpatient,
    profiles.mean_years_secondary_high,
    profiles.mean_years_secondary_low,
    profiles.mean_years_primary_only,
    profiles.mean_years_none,
    profiles.share_female,
    profiles.mean_age_at_start,
    main_diagnosis.diagnosis_group as main_diagnosis_group,
    main_region.region_code as main_region_code,
    profiles.share_died
from profiles
left join main_region
    on profiles.group_id = main_region.group_id and main_region.rank_in_group = 1
left join main_diagnosis
    on profiles.group_id = main_diagnosis.group_id and main_diagnosis.rank_in_group = 1
