-- One row per referral with contacts: attended treatment contacts, the first attended treatment
-- date and, per measure, the first and the last PHQ-9 and GAD-7 score of attended contacts (a
-- contact with a PHQ-9 and no GAD-7 still gives the PHQ-9).
with attended as (
    select
        referral_id,
        contact_date,
        contact_type,
        phq9_score,
        gad7_score,
        source_row
    from {{ ref('stg_iapt__care_contacts') }}
    where attended_code = 'Y'
),

treatment as (
    select
        referral_id,
        count(*) as attended_treatment_contacts,
        min(contact_date) as first_treatment_date
    from attended
    where contact_type = 'treatment'
    group by referral_id
),

scores as (
    select
        referral_id,
        contact_date,
        source_row,
        'phq9' as measure,
        phq9_score as score
    from attended
    where phq9_score is not null
    union all
    select
        referral_id,
        contact_date,
        source_row,
        'gad7' as measure,
        gad7_score as score
    from attended
    where gad7_score is not null
),

ranked as (
    select
        referral_id,
        measure,
        score,
        row_number() over (
            partition by referral_id, measure order by contact_date asc, source_row asc
        ) as rank_first,
        row_number() over (
            partition by referral_id, measure order by contact_date desc, source_row desc
        ) as rank_last
    from scores
),

first_and_last as (
    select
        referral_id,
        max(case when measure = 'phq9' and rank_first = 1 then score end) as first_phq9_score,
        max(case when measure = 'gad7' and rank_first = 1 then score end) as first_gad7_score,
        max(case when measure = 'phq9' and rank_last = 1 then score end) as last_phq9_score,
        max(case when measure = 'gad7' and rank_last = 1 then score end) as last_gad7_score
    from ranked
    group by referral_id
),

referrals as (
    select distinct referral_id
    from {{ ref('stg_iapt__care_contacts') }}
)

select
    referrals.referral_id,
    treatment.first_treatment_date,
    first_and_last.first_phq9_score,
    first_and_last.first_gad7_score,
    first_and_last.last_phq9_score,
    first_and_last.last_gad7_score,
    coalesce(treatment.attended_treatment_contacts, 0) as attended_treatment_contacts
from referrals
left join treatment on referrals.referral_id = treatment.referral_id
left join first_and_last on referrals.referral_id = first_and_last.referral_id
