-- Rule 3: month-M hospital spells (MHS501) of month-M cohort persons who have a month-M MHS001MPI
-- row with PatMRecInRP true; with the period and the referral's commissioner (MHS101 OrgIDComm).
with periods as (
    select
        uniq_month_id,
        reporting_period_start,
        reporting_period_end
    from {{ ref('int_lda_mha_reporting_periods') }}
),

-- cohort persons only (joined first: MHS001MPI has a row per person in contact, 1.4 million a month)
in_period_persons as (
    select distinct
        m.person_id,
        m.uniq_month_id
    from {{ ref('stg_nhsd__mhs001_mpi') }} as m
    inner join {{ ref('int_lda_mha_cohort') }} as c
        on m.person_id = c.person_id and m.uniq_month_id = c.uniq_month_id
    where m.is_patient_record_in_period
),

spell_referrals as (
    select distinct
        uniq_serv_req_id,
        uniq_month_id
    from {{ ref('stg_nhsd__mhs501_hosp_prov_spell') }}
),

-- only the referrals of spells (a semi-join before the aggregation: MHS101 has a row per person)
referrals as (
    select
        r.uniq_serv_req_id,
        r.uniq_month_id,
        max(r.commissioner_code) as commissioner_code
    from {{ ref('stg_nhsd__mhs101_referral') }} as r
    inner join spell_referrals as s
        on r.uniq_serv_req_id = s.uniq_serv_req_id and r.uniq_month_id = s.uniq_month_id
    group by r.uniq_serv_req_id, r.uniq_month_id
)

select
    s.uniq_month_id,
    p.reporting_period_start,
    p.reporting_period_end,
    s.person_id,
    s.uniq_hosp_prov_spell_id as hospital_spell_id,
    s.uniq_serv_req_id as service_request_id,
    s.provider_code,
    r.commissioner_code,
    s.start_date_hosp_prov_spell as spell_start_date,
    s.disch_date_hosp_prov_spell as discharge_date
from {{ ref('stg_nhsd__mhs501_hosp_prov_spell') }} as s
inner join periods as p on s.uniq_month_id = p.uniq_month_id
inner join {{ ref('int_lda_mha_cohort') }} as c
    on s.person_id = c.person_id and s.uniq_month_id = c.uniq_month_id
inner join in_period_persons as i
    on s.person_id = i.person_id and s.uniq_month_id = i.uniq_month_id
left join referrals as r
    on s.uniq_serv_req_id = r.uniq_serv_req_id and s.uniq_month_id = r.uniq_month_id
where s.uniq_hosp_prov_spell_id is not null
