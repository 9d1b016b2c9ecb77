{#- Wilson score interval for a proportion numerator/denominator (z = 1.96 gives 95%).
    bound: 'low' or 'high'. Null when the denominator is 0 or null. Returns a proportion (0..1). -#}
{% macro wilson_bound(numerator, denominator, bound, z=1.96) -%}
    {%- set sign = '-' if bound == 'low' else '+' -%}
    case
        when {{ denominator }} > 0 then (
            (cast({{ numerator }} as double) / {{ denominator }} + {{ z }} * {{ z }} / (2.0 * {{ denominator }}))
            {{ sign }} {{ z }} * sqrt(
                (cast({{ numerator }} as double) / {{ denominator }})
                * (1 - cast({{ numerator }} as double) / {{ denominator }}) / {{ denominator }}
                + {{ z }} * {{ z }} / (4.0 * {{ denominator }} * {{ denominator }})
            )
        ) / (1 + {{ z }} * {{ z }} / cast({{ denominator }} as double))
    end
{%- endmacro %}
