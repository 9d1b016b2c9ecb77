{#- Units of indicators whose values are counts that can be summed over areas (and shown per 100,000
    population when they are not populations themselves). Everything else (scores, percentages, rates)
    is aggregated only when it carries a numerator and a denominator. -#}
{% macro additive_units() -%}
    ('people', 'placements', 'bed days', 'GBP', 'count', 'referrals', 'contacts', 'spells')
{%- endmacro %}

{#- Units of counts shown per 100,000 population beside the count (money is not). -#}
{% macro per_population_units() -%}
    ('people', 'placements', 'bed days', 'count', 'referrals', 'contacts', 'spells')
{%- endmacro %}
