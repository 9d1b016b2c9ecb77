-- Counts of distinct spells per reporting month x geography x organisation x MHA group (v1 logic),
-- unsuppressed. Every organisation seen in a month gets a row for each of the five MHA groups.
with spells as (
    select
        uniq_month_id,
        reporting_period_start,
        reporting_period_end,
        geography,
        org_code,
        hospital_spell_id,
        mha_group,
        is_open_at_start,
        is_admission,
        is_discharge,
        is_admitted_and_discharged,
        is_open_at_end
    from {{ ref('int_lda_mha_spell_geographies') }}
),

mha_groups as (
    select distinct mha_group from {{ ref('lda_mha_legal_status_codes') }}
),

grid as (
    select distinct
        s.uniq_month_id,
        s.reporting_period_start,
        s.reporting_period_end,
        s.geography,
        s.org_code,
        g.mha_group
    from spells as s
    cross join mha_groups as g
),

counts as (
    select
        uniq_month_id,
        geography,
        org_code,
        mha_group,
        count(distinct case when is_open_at_start then hospital_spell_id end) as lda43_open_at_start,
        count(distinct case when is_admission then hospital_spell_id end) as lda27_admissions,
        count(distinct case when is_discharge then hospital_spell_id end) as lda28_discharges,
        count(distinct case when is_admitted_and_discharged then hospital_spell_id end)
            as lda44_admitted_and_discharged,
        count(distinct case when is_open_at_end then hospital_spell_id end) as lda45_open_at_end
    from spells
    group by uniq_month_id, geography, org_code, mha_group
)

select
    g.uniq_month_id,
    g.reporting_period_start,
    g.reporting_period_end,
    g.geography,
    g.org_code,
    g.mha_group,
    coalesce(c.lda43_open_at_start, 0) as lda43_open_at_start,
    coalesce(c.lda27_admissions, 0) as lda27_admissions,
    coalesce(c.lda28_discharges, 0) as lda28_discharges,
    coalesce(c.lda44_admitted_and_discharged, 0) as lda44_admitted_and_discharged,
    coalesce(c.lda45_open_at_end, 0) as lda45_open_at_end
from grid as g
left join counts as c
    on
        g.uniq_month_id = c.uniq_month_id
        and g.geography = c.geography
        and g.org_code = c.org_code
        and g.mha_group = c.mha_group
