{#- The ethnic grouping of the restraint statistics as an identifier part: BAME -> bame,
    Non-BAME -> non_bame, anything else (Unknown/Not Stated, Unknown-Not Stated, blank) -> unknown.
    One rule for the published CSV and the data map's wide sheet. -#}
{% macro restraint_ethnic_group_key(column) -%}
    case
        when upper(trim({{ column }})) = 'BAME' then 'bame'
        when upper(replace(replace(trim({{ column }}), '-', ''), ' ', '')) = 'NONBAME' then 'non_bame'
        else 'unknown'
    end
{%- endmacro %}
