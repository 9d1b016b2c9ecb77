{#- The NHS small-number rule, one place for every export of record-level data:
    a count under 5 (0 included) is shown as '*', any other count is rounded to the nearest 5;
    a rate or proportion is '*' when its numerator or denominator is under 5, otherwise it is
    computed from the unrounded counts. Both return text (what a published table shows). -#}

{% macro suppress_count(count) -%}
    case
        when {{ count }} is null then null
        when {{ count }} < 5 then '*'
        else cast(cast(round({{ count }} / 5.0) * 5 as bigint) as {{ dbt.type_string() }})
    end
{%- endmacro %}

{% macro suppress_rate(numerator, denominator, multiplier=1, decimals=1) -%}
    case
        when {{ numerator }} is null or {{ denominator }} is null then null
        when {{ numerator }} < 5 or {{ denominator }} < 5 then '*'
        else cast(
            round(cast({{ numerator }} as double) * {{ multiplier }} / {{ denominator }}, {{ decimals }})
            as {{ dbt.type_string() }}
        )
    end
{%- endmacro %}
