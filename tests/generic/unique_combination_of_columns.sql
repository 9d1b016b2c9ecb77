{#- The combination of columns is unique (rows with a null in any of them are ignored). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {%- set columns = combination_of_columns | join(', ') %}
    select
        {{ columns }},
        count(*) as n_records
    from {{ model }}
    where {% for c in combination_of_columns %}{{ c }} is not null{% if not loop.last %} and {% endif %}{% endfor %}
    group by {{ columns }}
    having count(*) > 1
{% endtest %}
