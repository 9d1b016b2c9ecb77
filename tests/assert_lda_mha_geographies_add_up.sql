-- Every spell is counted once per geography: for each month, MHA group and measure, the Provider
-- and the CCG21 rows (UNKNOWN included) add up to the National row. CCG21 is checked only when it
-- was built (the reference/ topic present).
{%- set measures = ['lda43_open_at_start', 'lda27_admissions', 'lda28_discharges',
    'lda44_admitted_and_discharged', 'lda45_open_at_end'] %}
with totals as (
    select
        uniq_month_id,
        mha_group,
        {%- for measure in measures %}
            sum({{ measure }}) as {{ measure }},
        {%- endfor %}
        geography
    from {{ ref('fct_lda_mha_monthly') }}
    group by uniq_month_id, mha_group, geography
)

select
    n.uniq_month_id,
    n.mha_group,
    o.geography
from totals as n
inner join totals as o
    on n.uniq_month_id = o.uniq_month_id and n.mha_group = o.mha_group and o.geography <> 'National'
where
    n.geography = 'National'
    and (
        {%- for measure in measures %}
            n.{{ measure }} <> o.{{ measure }}{{ " or" if not loop.last }}
        {%- endfor %}
    )
