{{ config(tags=['export']) }}
-- The published "Table 50": hospital spells open at the end of the period (LDA45) by length of
-- stay band (rows) and MHA group (columns), every count through suppress_count at every geography.
with wide as (
    select
        reporting_period_start,
        reporting_period_end,
        org_code,
        band_order,
        length_of_stay_band,
        {{ lda_mha_breakdown('geography') }} as breakdown,
        {{ lda_mha_breakdown_order('geography') }} as breakdown_order,
        {%- for group, column in lda_mha_group_columns() %}
            sum(case when mha_group = '{{ group }}' then lda45_open_at_end else 0 end) as {{ column }},
        {%- endfor %}
        sum(lda45_open_at_end) as total
    from {{ ref('fct_lda_mha_length_of_stay') }}
    group by reporting_period_start, reporting_period_end, geography, org_code, band_order, length_of_stay_band
)

select
    reporting_period_start,
    reporting_period_end,
    breakdown,
    org_code as primary_level,
    band_order,
    length_of_stay_band,
    {%- for group, column in lda_mha_group_columns() %}
        {{ suppress_count(column) }} as {{ column }},
    {%- endfor %}
    {{ suppress_count('total') }} as total,
    {{ is_suppressed(lda_mha_group_columns() | map(attribute=1) | list + ['total']) }} as is_suppressed
from wide
order by reporting_period_start asc, breakdown_order asc, primary_level asc, band_order asc
