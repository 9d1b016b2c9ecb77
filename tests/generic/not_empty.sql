{#- The model has at least one row (used where an empty result would mean lost input). -#}
{% test not_empty(model) %}
    select 1 as no_rows
    from (select count(*) as n from {{ model }}) as counted
    where n = 0
{% endtest %}
