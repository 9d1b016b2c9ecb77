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
    from {{ ref('int_lda_mha__spell_geographies') }}
),

mha_groups as (
    select distinct mha_group from {{ ref('lda_mha_legal_status_codes') }}
),

grid as (
    select distinct
        spells.uniq_month_id,
        spells.reporting_period_start,
        spells.reporting_period_end,
        spells.geography,
        spells.org_code,
        mha_groups.mha_group
    from spells
    cross join mha_groups
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
    grid.uniq_month_id,
    grid.reporting_period_start,
    grid.reporting_period_end,
    grid.geography,
    grid.org_code,
    grid.mha_group,
    coalesce(counts.lda43_open_at_start, 0) as lda43_open_at_start,
    coalesce(counts.lda27_admissions, 0) as lda27_admissions,
    coalesce(counts.lda28_discharges, 0) as lda28_discharges,
    coalesce(counts.lda44_admitted_and_discharged, 0) as lda44_admitted_and_discharged,
    coalesce(counts.lda45_open_at_end, 0) as lda45_open_at_end
from grid
left join counts
    on
        grid.uniq_month_id = counts.uniq_month_id
        and grid.geography = counts.geography
        and grid.org_code = counts.org_code
        and grid.mha_group = counts.mha_group
