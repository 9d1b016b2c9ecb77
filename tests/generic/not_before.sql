{#- A date column is never before another date column of the same row (nulls ignored), e.g. a
    discharge before its admission. Failing rows are returned with every column (file and row). -#}
{% test not_before(model, column_name, other_column) %}
    select *
    from {{ model }}
    where {{ column_name }} < {{ other_column }}
{% endtest %}
