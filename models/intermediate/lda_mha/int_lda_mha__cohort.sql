{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process() }}"
) }}
-- Rule 2: persons in the LDA cohort in month M (any month-M row meeting one of the criteria).
-- Grain: person x reporting month. Every date test is is_open_at(none, end, period start): the record
-- has not ended before the period start (end date null or on/after it).
with periods as (
    select
        uniq_month_id,
        reporting_period_start
    from {{ ref('int_lda_mha__reporting_periods') }}
),

code_groups as (
    select
        code_group,
        code
    from {{ ref('lda_mha_code_groups') }}
),

-- code lists are joined (not IN subqueries): cheaper at scale and the same on DuckDB and Spark
by_disability as (
    select
        disability.person_id,
        disability.uniq_month_id,
        'disability' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs007_disability_type')) }} as disability
    inner join code_groups
        on code_groups.code_group = 'lda_disability_code' and disability.disab_code = code_groups.code
),

by_ward as (
    select
        ward_stay.person_id,
        ward_stay.uniq_month_id,
        'ward' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs502_ward_stay')) }} as ward_stay
    inner join periods on ward_stay.uniq_month_id = periods.uniq_month_id
    inner join code_groups
        on
            (code_groups.code_group = 'lda_ward_type' and ward_stay.ward_type = code_groups.code)
            or (
                code_groups.code_group = 'lda_ward_intended_clinical_care'
                and ward_stay.ward_intended_clin_care_mh = code_groups.code
            )
    where {{ is_open_at(none, 'ward_stay.end_date_ward_stay', 'periods.reporting_period_start') }}
),

by_care_coordinator_team as (
    select
        care_coordinator.person_id,
        care_coordinator.uniq_month_id,
        'team' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs006_mh_care_coord')) }} as care_coordinator
    inner join periods on care_coordinator.uniq_month_id = periods.uniq_month_id
    inner join code_groups
        on
            code_groups.code_group = 'lda_team_type'
            and care_coordinator.care_prof_serv_or_team_type_assoc = code_groups.code
    where {{ is_open_at(none, 'care_coordinator.end_date_ass_care_coord', 'periods.reporting_period_start') }}
),

by_team_referred_to as (
    select
        service_type.person_id,
        service_type.uniq_month_id,
        'team' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs102_service_type_referred_to')) }} as service_type
    inner join periods on service_type.uniq_month_id = periods.uniq_month_id
    inner join code_groups
        on code_groups.code_group = 'lda_team_type' and service_type.serv_team_type_ref_to_mh = code_groups.code
    where
        {{ is_open_at(none, 'service_type.refer_closure_date', 'periods.reporting_period_start') }}
        and {{ is_open_at(none, 'service_type.refer_rejection_date', 'periods.reporting_period_start') }}
),

-- production: end date null, or expiry date null, or either on/after the period start
by_mental_category as (
    select
        mha_period.person_id,
        mha_period.uniq_month_id,
        'mental_category' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs401_mh_act_period')) }} as mha_period
    inner join periods on mha_period.uniq_month_id = periods.uniq_month_id
    inner join code_groups
        on code_groups.code_group = 'lda_mental_category' and mha_period.mental_cat = code_groups.code
    where
        {{ is_open_at(none, 'mha_period.end_date_mh_act_legal_status_class', 'periods.reporting_period_start') }}
        or {{ is_open_at(none, 'mha_period.expiry_date_mh_act_legal_status_class', 'periods.reporting_period_start') }}
),

by_treatment_function as (
    select
        care_professional.person_id,
        care_professional.uniq_month_id,
        'treatment_function' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs503_assigned_care_prof')) }} as care_professional
    inner join periods on care_professional.uniq_month_id = periods.uniq_month_id
    inner join code_groups
        on
            code_groups.code_group = 'lda_treatment_function'
            and care_professional.treat_func_code_mh = code_groups.code
    where {{ is_open_at(none, 'care_professional.end_date_ass_care_prof', 'periods.reporting_period_start') }}
),

diagnoses as (
    select
        person_id,
        uniq_month_id,
        diag_scheme_in_use,
        diag_code
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs603_prov_diag')) }}
    union all
    select
        person_id,
        uniq_month_id,
        diag_scheme_in_use,
        diag_code
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs604_prim_diag')) }}
    union all
    select
        person_id,
        uniq_month_id,
        diag_scheme_in_use,
        diag_code
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs605_sec_diag')) }}
),

by_diagnosis as (
    select
        diagnoses.person_id,
        diagnoses.uniq_month_id,
        'diagnosis' as cohort_rule
    from diagnoses
    inner join code_groups as schemes
        on schemes.code_group = 'lda_diagnosis_scheme' and diagnoses.diag_scheme_in_use = schemes.code
    inner join code_groups as prefixes
        on
            prefixes.code_group = 'lda_diagnosis_prefix'
            and substr(diagnoses.diag_code, 1, length(prefixes.code)) = prefixes.code
),

-- MHS609 (collected from October 2021, UniqMonthID 1459): ICD-10 (FindSchemeInUse 01) F7 or F84
by_presenting_complaint as (
    select
        complaint.person_id,
        complaint.uniq_month_id,
        'presenting_complaint' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs609_pres_comp')) }} as complaint
    inner join code_groups as schemes
        on
            schemes.code_group = 'lda_presenting_complaint_scheme'
            and complaint.find_scheme_in_use = schemes.code
    inner join code_groups as prefixes
        on
            prefixes.code_group = 'lda_diagnosis_prefix'
            and substr(complaint.pres_comp, 1, length(prefixes.code)) = prefixes.code
    where complaint.uniq_month_id >= 1459
),

by_cluster as (
    select
        cluster_tool.person_id,
        cluster_tool.uniq_month_id,
        'cluster' as cohort_rule
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs801_cluster_tool')) }} as cluster_tool
    inner join code_groups
        on code_groups.code_group = 'lda_cluster' and cluster_tool.clust_cat = code_groups.code
),

matches as (
    select * from by_disability
    union all
    select * from by_ward
    union all
    select * from by_care_coordinator_team
    union all
    select * from by_team_referred_to
    union all
    select * from by_mental_category
    union all
    select * from by_treatment_function
    union all
    select * from by_diagnosis
    union all
    select * from by_presenting_complaint
    union all
    select * from by_cluster
)

select
    matches.uniq_month_id,
    matches.person_id,
    max(case when matches.cohort_rule = 'disability' then 1 else 0 end) = 1 as is_by_disability,
    max(case when matches.cohort_rule = 'ward' then 1 else 0 end) = 1 as is_by_ward,
    max(case when matches.cohort_rule = 'team' then 1 else 0 end) = 1 as is_by_team,
    max(case when matches.cohort_rule = 'mental_category' then 1 else 0 end) = 1 as is_by_mental_category,
    max(case when matches.cohort_rule = 'treatment_function' then 1 else 0 end) = 1 as is_by_treatment_function,
    max(case when matches.cohort_rule = 'diagnosis' then 1 else 0 end) = 1 as is_by_diagnosis,
    max(case when matches.cohort_rule = 'presenting_complaint' then 1 else 0 end) = 1 as is_by_presenting_complaint,
    max(case when matches.cohort_rule = 'cluster' then 1 else 0 end) = 1 as is_by_cluster
from matches
inner join periods on matches.uniq_month_id = periods.uniq_month_id
where matches.person_id is not null
group by matches.uniq_month_id, matches.person_id
