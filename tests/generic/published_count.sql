{#- A count published by the NHS small-number rule (macro suppress_count): null (suppressed) or a
    multiple of 5 that is at least 5. -#}
{% test published_count(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} < 5 or {{ column_name }} % 5 <> 0
{% endtest %}
