-- One row per referral with contacts: attended treatment contacts, the first attended treatment
-- date and the PHQ-9/GAD-7 pair of the first and the last attended contact that has both scores.
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

scored as (
    select
        referral_id,
        contact_date,
        phq9_score,
        gad7_score,
        row_number() over (partition by referral_id order by contact_date asc, source_row asc) as rank_first,
        row_number() over (partition by referral_id order by contact_date desc, source_row desc) as rank_last
    from attended
    where phq9_score is not null and gad7_score is not null
),

referrals as (
    select distinct referral_id
    from {{ ref('stg_iapt__care_contacts') }}
)

select
    referrals.referral_id,
    treatment.first_treatment_date,
    first_scored.contact_date as first_scored_date,
    first_scored.phq9_score as first_phq9_score,
    first_scored.gad7_score as first_gad7_score,
    last_scored.contact_date as last_scored_date,
    last_scored.phq9_score as last_phq9_score,
    last_scored.gad7_score as last_gad7_score,
    coalesce(treatment.attended_treatment_contacts, 0) as attended_treatment_contacts
from referrals
left join treatment on referrals.referral_id = treatment.referral_id
left join scored as first_scored
    on referrals.referral_id = first_scored.referral_id and first_scored.rank_first = 1
left join scored as last_scored
    on referrals.referral_id = last_scored.referral_id and last_scored.rank_last = 1
