-- One row per referral: the person's latest employment record on or before discharge (any record
-- for an open referral), its features, and the exclusive employment category. Referrals without
-- such a record get every flag false and the category 'Not known'.
with referrals as (
    select
        referral_id,
        person_id,
        discharge_date
    from {{ ref('stg_iapt__referrals') }}
),

latest as (
    select
        referrals.referral_id,
        employment.employ_status,
        employment.week_hours_worked,
        employment.jsa_ind,
        employment.uc_ind,
        employment.benefit_rec_ind,
        employment.ssp_ind,
        employment.self_employ_ind,
        employment.record_date
    from referrals
    inner join {{ ref('stg_iapt__employment') }} as employment
        on
            referrals.person_id = employment.person_id
            and (referrals.discharge_date is null or referrals.discharge_date >= employment.record_date)
    qualify row_number() over (
        partition by referrals.referral_id
        order by employment.record_date desc, employment.source_row desc
    ) = 1
)

select
    referrals.referral_id,
    latest.record_date as employment_record_date,
    latest.employ_status,
    latest.week_hours_worked,
    coalesce(latest.employ_status = '02', false) as is_unemployed,
    coalesce(latest.ssp_ind = 'Y' or latest.employ_status = '04', false) as is_sick_pay,
    coalesce(latest.benefit_rec_ind = 'Y' or latest.uc_ind = 'Y', false) as is_benefits,
    coalesce(latest.jsa_ind = 'Y', false) as is_jsa,
    coalesce(latest.self_employ_ind = 'Y', false) as is_self_employed,
    case
        when latest.employ_status = '01' and latest.week_hours_worked = '01' then 'Employed full-time'
        when latest.employ_status = '01' and latest.week_hours_worked in ('02', '03', '04') then 'Employed part-time'
        when latest.employ_status = '01' then 'Employed, hours not known'
        when latest.employ_status = '02' then 'Unemployed'
        when latest.employ_status in ('03', '04', '05', '06', '07', '08') then 'Not in work (other)'
        else 'Not known'
    end as employment_category
from referrals
left join latest on referrals.referral_id = latest.referral_id
