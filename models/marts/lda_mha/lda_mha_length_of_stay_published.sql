{{ config(tags=['export']) }}
-- The published "Table 50": hospital spells open at the end of the period (LDA45) by length of
-- stay band (rows) and MHA group (columns), every count through suppress_count at every geography.
{%- set groups = [
    ('Informal', 'informal'), ('Part 2', 'part_2'), ('Part 3 no restrictions', 'part_3_no_restrictions'),
    ('Part 3 with restrictions', 'part_3_with_restrictions'), ('Other', 'other')] %}
with wide as (
    select
        reporting_period_start,
        reporting_period_end,
        geography,
        org_code,
        band_order,
        length_of_stay_band,
        {%- for group, column in groups %}
            sum(case when mha_group = '{{ group }}' then lda45_open_at_end else 0 end) as {{ column }},
        {%- endfor %}
        sum(lda45_open_at_end) as total
    from {{ ref('fct_lda_mha_length_of_stay') }}
    group by
        reporting_period_start, reporting_period_end, geography, org_code, band_order, length_of_stay_band
)

select
    reporting_period_start,
    reporting_period_end,
    org_code as primary_level,
    band_order,
    length_of_stay_band,
    case geography
        when 'National' then 'England'
        when 'Provider' then 'Provider'
        when 'CCG21' then 'CCG - Commissioner'
    end as breakdown,
    {%- for group, column in groups %}
        {{ suppress_count(column) }} as {{ column }},
    {%- endfor %}
    {{ suppress_count('total') }} as total
from wide
