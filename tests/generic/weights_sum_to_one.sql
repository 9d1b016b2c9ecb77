{#- Weights sum to 1 (within a tolerance) for every value of the grouping columns. -#}
{% test weights_sum_to_one(model, column_name, group_by, tolerance=0.000001) %}
    select
        {{ group_by | join(', ') }},
        sum({{ column_name }}) as total_weight
    from {{ model }}
    group by {{ group_by | join(', ') }}
    having abs(sum({{ column_name }}) - 1) > {{ tolerance }}
{% endtest %}
