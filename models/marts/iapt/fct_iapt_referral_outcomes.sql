-- The NHS Talking Therapies outcome definitions, one row per referral (record level: never
-- exported). Thresholds: caseness PHQ-9 >= 10 or GAD-7 >= 8; reliable change PHQ-9 6, GAD-7 4.
with referrals as (
    select * from {{ ref('stg_iapt__referrals') }}
),

contacts as (
    select * from {{ ref('int_iapt__referral_contacts') }}
),

employment as (
    select * from {{ ref('int_iapt__referral_employment') }}
),

joined as (
    select
        referrals.referral_id,
        referrals.person_id,
        referrals.provider_code,
        referrals.commissioner_code,
        referrals.referral_received_date,
        referrals.discharge_date,
        referrals.presenting_complaint,
        referrals.age_at_referral,
        referrals.gender_code,
        referrals.ethnic_category,
        referrals.imd_decile,
        coalesce(contacts.attended_treatment_contacts, 0) as attended_treatment_contacts,
        contacts.first_treatment_date,
        contacts.first_phq9_score,
        contacts.first_gad7_score,
        contacts.last_phq9_score,
        contacts.last_gad7_score,
        employment.employ_status,
        employment.week_hours_worked,
        employment.employment_category,
        employment.is_unemployed,
        employment.is_sick_pay,
        employment.is_benefits,
        employment.is_jsa,
        employment.is_self_employed,
        {{ dbt.datediff(
            'referrals.referral_received_date', 'contacts.first_treatment_date', 'day'
        ) }} as wait_days,
        (
            referrals.discharge_date is not null and coalesce(contacts.attended_treatment_contacts, 0) >= 2
        ) as is_finished_treatment,
        coalesce(contacts.first_phq9_score >= 10 or contacts.first_gad7_score >= 8, false) as is_caseness,
        coalesce(contacts.first_phq9_score - contacts.last_phq9_score >= 6, false) as phq9_reliably_improved,
        coalesce(contacts.first_gad7_score - contacts.last_gad7_score >= 4, false) as gad7_reliably_improved,
        coalesce(contacts.last_phq9_score - contacts.first_phq9_score >= 6, false) as phq9_reliably_deteriorated,
        coalesce(contacts.last_gad7_score - contacts.first_gad7_score >= 4, false) as gad7_reliably_deteriorated,
        coalesce(contacts.last_phq9_score < 10 and contacts.last_gad7_score < 8, false) as is_below_caseness_at_end
    from referrals
    left join contacts on referrals.referral_id = contacts.referral_id
    left join employment on referrals.referral_id = employment.referral_id
),

flagged as (
    select
        *,
        is_finished_treatment and is_caseness and is_below_caseness_at_end as is_recovered,
        is_finished_treatment
        and (phq9_reliably_improved or gad7_reliably_improved)
        and not phq9_reliably_deteriorated
        and not gad7_reliably_deteriorated as is_reliable_improvement,
        is_finished_treatment
        and (phq9_reliably_deteriorated or gad7_reliably_deteriorated)
        and not phq9_reliably_improved
        and not gad7_reliably_improved as is_reliable_deterioration
    from joined
)

select
    referral_id,
    person_id,
    provider_code,
    commissioner_code,
    referral_received_date,
    discharge_date,
    presenting_complaint,
    age_at_referral,
    gender_code,
    ethnic_category,
    is_finished_treatment,
    is_caseness,
    is_recovered,
    is_reliable_improvement,
    is_reliable_deterioration,
    wait_days,
    attended_treatment_contacts,
    first_phq9_score,
    first_gad7_score,
    last_phq9_score,
    last_gad7_score,
    employ_status,
    week_hours_worked,
    is_recovered and is_reliable_improvement as is_reliable_recovery,
    coalesce(wait_days <= 42, false) as is_within_6_weeks,
    attended_treatment_contacts >= 6 as has_6_plus_sessions,
    coalesce(employment_category, 'Not known') as employment_category,
    coalesce(is_unemployed, false) as is_unemployed,
    coalesce(is_sick_pay, false) as is_sick_pay,
    coalesce(is_benefits, false) as is_benefits,
    coalesce(is_jsa, false) as is_jsa,
    coalesce(is_self_employed, false) as is_self_employed,
    case
        when age_at_referral is null then 'Not known'
        when age_at_referral < 18 then 'Under 18'
        when age_at_referral <= 25 then '18-25'
        when age_at_referral <= 35 then '26-35'
        when age_at_referral <= 50 then '36-50'
        when age_at_referral <= 65 then '51-65'
        else '66+'
    end as age_band,
    case gender_code when '1' then 'Male' when '2' then 'Female' else 'Not known' end as gender,
    case
        when ethnic_category in ('A', 'B', 'C') then 'White'
        when ethnic_category in ('D', 'E', 'F', 'G') then 'Mixed'
        when ethnic_category in ('H', 'J', 'K', 'L') then 'Asian'
        when ethnic_category in ('M', 'N', 'P') then 'Black'
        when ethnic_category in ('R', 'S') then 'Other'
        else 'Not known'
    end as ethnic_group,
    case when imd_decile between 1 and 10 then imd_decile end as imd_decile
from flagged
