{#- Community mental health cohort: the study years as a one-column relation (reporting_year),
    from var cmh_first_year to var cmh_last_year (portable: no engine range function). -#}
{% macro cmh_study_years() -%}
    {%- for y in range(var('cmh_first_year'), var('cmh_last_year') + 1) %}
    select {{ y }} as reporting_year{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{#- The cohort states in ladder order: (state, one-letter code used in sequences). -#}
{% macro cmh_states() -%}
    {{ return([
        ('dead', 'D'),
        ('inpatient', 'I'),
        ('secondary_high', 'H'),
        ('secondary_low', 'L'),
        ('primary_only', 'P'),
        ('none', 'N'),
    ]) }}
{%- endmacro %}

{#- The one-letter code of a state column (D, I, H, L, P, N). -#}
{% macro cmh_state_code(state_column) -%}
    case {{ state_column }}
        {%- for state, code in cmh_states() %}
        when '{{ state }}' then '{{ code }}'
        {%- endfor %}
    end
{%- endmacro %}

{#- The fixed-length sequence of one-letter state codes over the study years (an aggregate over
    one person's yearly rows; portable: no ordered string_agg). -#}
{% macro cmh_state_sequence(year_column, code_column) -%}
    {%- for y in range(var('cmh_first_year'), var('cmh_last_year') + 1) -%}
        max(case when {{ year_column }} = {{ y }} then {{ code_column }} end){% if not loop.last %} || {% endif %}
    {%- endfor -%}
{%- endmacro %}
