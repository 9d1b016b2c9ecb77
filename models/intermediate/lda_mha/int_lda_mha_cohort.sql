-- Rule 2: persons in the LDA cohort in month M (any month-M row meeting one of the criteria).
-- "Not ended before period start" = end date null or on/after the period start.
with periods as (
    select
        uniq_month_id,
        reporting_period_start
    from {{ ref('int_lda_mha_reporting_periods') }}
),

code_groups as (
    select
        code_group,
        code
    from {{ ref('lda_mha_code_groups') }}
),

matches as (
    -- code lists are joined (not IN subqueries): cheaper at scale and the same on DuckDB and Spark
    select
        d.person_id,
        d.uniq_month_id,
        'disability' as cohort_rule
    from {{ ref('stg_nhsd__mhs007_disability_type') }} as d
    inner join code_groups as g
        on g.code_group = 'lda_disability_code' and d.disab_code = g.code

    union all

    select
        w.person_id,
        w.uniq_month_id,
        'ward' as cohort_rule
    from {{ ref('stg_nhsd__mhs502_ward_stay') }} as w
    inner join periods as p on w.uniq_month_id = p.uniq_month_id
    inner join code_groups as g
        on
            (g.code_group = 'lda_ward_type' and w.ward_type = g.code)
            or (g.code_group = 'lda_ward_intended_clinical_care' and w.ward_intended_clin_care_mh = g.code)
    where w.end_date_ward_stay is null or w.end_date_ward_stay >= p.reporting_period_start

    union all

    select
        c.person_id,
        c.uniq_month_id,
        'team' as cohort_rule
    from {{ ref('stg_nhsd__mhs006_mh_care_coord') }} as c
    inner join periods as p on c.uniq_month_id = p.uniq_month_id
    inner join code_groups as g
        on g.code_group = 'lda_team_type' and c.care_prof_serv_or_team_type_assoc = g.code
    where c.end_date_ass_care_coord is null or c.end_date_ass_care_coord >= p.reporting_period_start

    union all

    select
        r.person_id,
        r.uniq_month_id,
        'team' as cohort_rule
    from {{ ref('stg_nhsd__mhs102_service_type_referred_to') }} as r
    inner join periods as p on r.uniq_month_id = p.uniq_month_id
    inner join code_groups as g
        on g.code_group = 'lda_team_type' and r.serv_team_type_ref_to_mh = g.code
    where
        (r.refer_closure_date is null or r.refer_closure_date >= p.reporting_period_start)
        and (r.refer_rejection_date is null or r.refer_rejection_date >= p.reporting_period_start)

    union all

    select
        a.person_id,
        a.uniq_month_id,
        'mental_category' as cohort_rule
    from {{ ref('stg_nhsd__mhs401_mh_act_period') }} as a
    inner join periods as p on a.uniq_month_id = p.uniq_month_id
    inner join code_groups as g
        on g.code_group = 'lda_mental_category' and a.mental_cat = g.code
    where
        a.end_date_mh_act_legal_status_class is null
        or a.end_date_mh_act_legal_status_class >= p.reporting_period_start

    union all

    select
        t.person_id,
        t.uniq_month_id,
        'treatment_function' as cohort_rule
    from {{ ref('stg_nhsd__mhs503_assigned_care_prof') }} as t
    inner join periods as p on t.uniq_month_id = p.uniq_month_id
    inner join code_groups as g
        on g.code_group = 'lda_treatment_function' and t.treat_func_code_mh = g.code
    where t.end_date_ass_care_prof is null or t.end_date_ass_care_prof >= p.reporting_period_start

    union all

    select
        x.person_id,
        x.uniq_month_id,
        'diagnosis' as cohort_rule
    from (
        select
            person_id,
            uniq_month_id,
            diag_scheme_in_use,
            diag_code
        from {{ ref('stg_nhsd__mhs603_prov_diag') }}
        union all
        select
            person_id,
            uniq_month_id,
            diag_scheme_in_use,
            diag_code
        from {{ ref('stg_nhsd__mhs604_prim_diag') }}
        union all
        select
            person_id,
            uniq_month_id,
            diag_scheme_in_use,
            diag_code
        from {{ ref('stg_nhsd__mhs605_sec_diag') }}
    ) as x
    inner join code_groups as s
        on s.code_group = 'lda_diagnosis_scheme' and x.diag_scheme_in_use = s.code
    inner join code_groups as g
        on g.code_group = 'lda_diagnosis_prefix' and substr(x.diag_code, 1, length(g.code)) = g.code

    union all

    select
        k.person_id,
        k.uniq_month_id,
        'cluster' as cohort_rule
    from {{ ref('stg_nhsd__mhs801_cluster_tool') }} as k
    inner join code_groups as g
        on g.code_group = 'lda_cluster' and k.clust_cat = g.code
)

select
    m.uniq_month_id,
    m.person_id,
    max(case when m.cohort_rule = 'disability' then 1 else 0 end) = 1 as is_by_disability,
    max(case when m.cohort_rule = 'ward' then 1 else 0 end) = 1 as is_by_ward,
    max(case when m.cohort_rule = 'team' then 1 else 0 end) = 1 as is_by_team,
    max(case when m.cohort_rule = 'mental_category' then 1 else 0 end) = 1 as is_by_mental_category,
    max(case when m.cohort_rule = 'treatment_function' then 1 else 0 end) = 1 as is_by_treatment_function,
    max(case when m.cohort_rule = 'diagnosis' then 1 else 0 end) = 1 as is_by_diagnosis,
    max(case when m.cohort_rule = 'cluster' then 1 else 0 end) = 1 as is_by_cluster
from matches as m
inner join periods as p on m.uniq_month_id = p.uniq_month_id
where m.person_id is not null
group by m.uniq_month_id, m.person_id
