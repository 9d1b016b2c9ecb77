-- How much the reading matters: National counts of v1 (production logic) and v2 (guidance text)
-- side by side, per reporting month x MHA group x measure.
{%- set measures = [
    ('LDA43', 'is_open_at_start'), ('LDA27', 'is_admission'), ('LDA28', 'is_discharge'),
    ('LDA44', 'is_admitted_and_discharged'), ('LDA45', 'is_open_at_end')] %}
with spells as (
    select
        1 as logic_version,
        uniq_month_id,
        hospital_spell_id,
        mha_group,
        {{ measures | map(attribute=1) | join(',\n        ') }}
    from {{ ref('fct_lda_mha_spells', v=1) }}
    union all
    select
        2 as logic_version,
        uniq_month_id,
        hospital_spell_id,
        mha_group,
        {{ measures | map(attribute=1) | join(',\n        ') }}
    from {{ ref('fct_lda_mha_spells', v=2) }}
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
            m.uniq_month_id,
            g.mha_group,
            '{{ measure_id }}' as measure_id
        from months as m
        cross join mha_groups as g
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    g.uniq_month_id,
    g.mha_group,
    g.measure_id,
    coalesce(c.v1_spells, 0) as v1_spells,
    coalesce(c.v2_spells, 0) as v2_spells,
    coalesce(c.v2_spells, 0) - coalesce(c.v1_spells, 0) as v2_minus_v1
from grid as g
left join counts as c
    on g.uniq_month_id = c.uniq_month_id and g.mha_group = c.mha_group and g.measure_id = c.measure_id
