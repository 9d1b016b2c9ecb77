{{ config(tags=['export']) }}
-- The published NHS LDA layout: one row per reporting month x breakdown x organisation x measure,
-- one column per MHA group plus the total. Every count goes through suppress_count (under 5 -> null,
-- otherwise the nearest 5; is_suppressed marks a row with a suppressed count) at every geography,
-- National included; totals are suppressed from the unrounded total, never summed from rounded cells.
{%- set measures = [
    ('LDA43', 'lda43_open_at_start', 'Hospital spells open at the start of the period'),
    ('LDA27', 'lda27_admissions', 'Admissions in the period (spell open at the end)'),
    ('LDA28', 'lda28_discharges', 'Discharges in the period (spell open at the start)'),
    ('LDA44', 'lda44_admitted_and_discharged', 'Spells admitted and discharged in the period'),
    ('LDA45', 'lda45_open_at_end', 'Hospital spells open at the end of the period')] %}
with monthly as (
    select
        reporting_period_start,
        reporting_period_end,
        org_code,
        mha_group,
        {{ measures | map(attribute=1) | join(',\n        ') }},
        {{ lda_mha_breakdown('geography') }} as breakdown,
        {{ lda_mha_breakdown_order('geography') }} as breakdown_order
    from {{ ref('fct_lda_mha_monthly') }}
),

long_counts as (
    {%- for measure_id, column, name in measures %}
        select
            reporting_period_start,
            reporting_period_end,
            breakdown,
            breakdown_order,
            org_code,
            '{{ measure_id }}' as measure_id,
            {{ loop.index }} as measure_order,
            '{{ name }}' as measure_name,
            mha_group,
            {{ column }} as spells
        from monthly
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

wide as (
    select
        reporting_period_start,
        reporting_period_end,
        breakdown,
        breakdown_order,
        org_code,
        measure_id,
        measure_order,
        measure_name,
        {%- for group, column in lda_mha_group_columns() %}
            sum(case when mha_group = '{{ group }}' then spells else 0 end) as {{ column }},
        {%- endfor %}
        sum(spells) as total
    from long_counts
    group by
        reporting_period_start, reporting_period_end, breakdown, breakdown_order, org_code,
        measure_id, measure_order, measure_name
)

select
    reporting_period_start,
    reporting_period_end,
    breakdown,
    org_code as primary_level,
    measure_id,
    measure_name,
    {%- for group, column in lda_mha_group_columns() %}
        {{ suppress_count(column) }} as {{ column }},
    {%- endfor %}
    {{ suppress_count('total') }} as total,
    {{ is_suppressed(lda_mha_group_columns() | map(attribute=1) | list + ['total']) }} as is_suppressed
from wide
order by reporting_period_start asc, breakdown_order asc, primary_level asc, measure_order asc
