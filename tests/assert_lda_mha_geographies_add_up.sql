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
    national_totals.uniq_month_id,
    national_totals.mha_group,
    other_totals.geography
from totals as national_totals
inner join totals as other_totals
    on
        national_totals.uniq_month_id = other_totals.uniq_month_id
        and national_totals.mha_group = other_totals.mha_group
        and other_totals.geography <> 'National'
where
    national_totals.geography = 'National'
    and (
        {%- for measure in measures %}
            national_totals.{{ measure }} <> other_totals.{{ measure }}{{ " or" if not loop.last }}
        {%- endfor %}
    )
