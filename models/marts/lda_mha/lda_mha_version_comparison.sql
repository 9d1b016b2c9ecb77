-- How much the reading matters: National counts of v1 (production logic) and v2 (guidance text)
-- side by side, per reporting month x MHA group x measure. The differences between the versions are
-- listed in the docs of this model and of fct_lda_mha_spells.
{%- set measures = [
    ('LDA43', 'is_open_at_start'), ('LDA27', 'is_admission'), ('LDA28', 'is_discharge'),
    ('LDA44', 'is_admitted_and_discharged'), ('LDA45', 'is_open_at_end')] %}
with spells as (
    select
        logic_version,
        uniq_month_id,
        hospital_spell_id,
        mha_group,
        {{ measures | map(attribute=1) | join(',\n        ') }}
    from {{ ref('int_lda_mha__spell_measures') }}
),

mha_groups as (
    select distinct mha_group from {{ ref('lda_mha_legal_status_codes') }}
),

months as (
    select distinct uniq_month_id from spells
),

counts as (
    {%- for measure_id, flag in measures %}
        select
            uniq_month_id,
            mha_group,
            '{{ measure_id }}' as measure_id,
            count(distinct case when logic_version = 1 and {{ flag }} then hospital_spell_id end) as v1_spells,
            count(distinct case when logic_version = 2 and {{ flag }} then hospital_spell_id end) as v2_spells
        from spells
        group by uniq_month_id, mha_group
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

grid as (
    {%- for measure_id, flag in measures %}
        select
            months.uniq_month_id,
            mha_groups.mha_group,
            '{{ measure_id }}' as measure_id
        from months
        cross join mha_groups
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    grid.uniq_month_id,
    grid.mha_group,
    grid.measure_id,
    coalesce(counts.v1_spells, 0) as v1_spells,
    coalesce(counts.v2_spells, 0) as v2_spells,
    coalesce(counts.v2_spells, 0) - coalesce(counts.v1_spells, 0) as v2_minus_v1
from grid
left join counts
    on
        grid.uniq_month_id = counts.uniq_month_id
        and grid.mha_group = counts.mha_group
        and grid.measure_id = counts.measure_id
