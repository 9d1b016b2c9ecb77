{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process() }}"
) }}
-- Rule 3: month-M hospital spells (MHS501) of month-M cohort persons who have a month-M MHS001MPI
-- row with PatMRecInRP true; with the period and the referral's commissioner (MHS101 OrgIDComm).
-- Grain: hospital spell x reporting month.
with periods as (
    select
        uniq_month_id,
        reporting_period_start,
        reporting_period_end
    from {{ ref('int_lda_mha__reporting_periods') }}
),

cohort as (
    select
        person_id,
        uniq_month_id
    from {{ rows_of_months_to_process(ref('int_lda_mha__cohort'), by_file=false) }}
),

-- the cohort persons with PatMRecInRP true (the cohort joined first: MHS001MPI has a row per person
-- in contact, 1.4 million a month)
in_period_persons as (
    select distinct
        mpi.person_id,
        mpi.uniq_month_id
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs001_mpi')) }} as mpi
    inner join cohort
        on mpi.person_id = cohort.person_id and mpi.uniq_month_id = cohort.uniq_month_id
    where mpi.is_patient_record_in_period
),

hospital_spells as (
    select
        uniq_month_id,
        person_id,
        uniq_hosp_prov_spell_id,
        uniq_serv_req_id,
        provider_code,
        start_date_hosp_prov_spell,
        disch_date_hosp_prov_spell
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs501_hosp_prov_spell')) }}
    where uniq_hosp_prov_spell_id is not null
),

spell_referrals as (
    select distinct
        uniq_serv_req_id,
        uniq_month_id
    from hospital_spells
),

-- only the referrals of spells (a semi-join before the aggregation: MHS101 has a row per person)
referrals as (
    select
        referral.uniq_serv_req_id,
        referral.uniq_month_id,
        max(referral.commissioner_code) as commissioner_code
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs101_referral')) }} as referral
    inner join spell_referrals
        on
            referral.uniq_serv_req_id = spell_referrals.uniq_serv_req_id
            and referral.uniq_month_id = spell_referrals.uniq_month_id
    group by referral.uniq_serv_req_id, referral.uniq_month_id
)

select
    hospital_spells.uniq_month_id,
    periods.reporting_period_start,
    periods.reporting_period_end,
    hospital_spells.person_id,
    hospital_spells.uniq_hosp_prov_spell_id as hospital_spell_id,
    hospital_spells.uniq_serv_req_id as service_request_id,
    hospital_spells.provider_code,
    referrals.commissioner_code,
    hospital_spells.start_date_hosp_prov_spell as spell_start_date,
    hospital_spells.disch_date_hosp_prov_spell as discharge_date
from hospital_spells
inner join periods on hospital_spells.uniq_month_id = periods.uniq_month_id
inner join in_period_persons
    on
        hospital_spells.person_id = in_period_persons.person_id
        and hospital_spells.uniq_month_id = in_period_persons.uniq_month_id
left join referrals
    on
        hospital_spells.uniq_serv_req_id = referrals.uniq_serv_req_id
        and hospital_spells.uniq_month_id = referrals.uniq_month_id
