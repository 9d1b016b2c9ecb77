{#- A model made with map_to_ccg21 keeps every input row: its distinct map_row_id count equals the
    input's row count (mapped + unmatched = input). `input_filter` (optional) restricts the input
    model to the rows the mapped model takes, e.g. "attribution = 'provider'". -#}
{% test mapped_rows_reconcile(model, input_model, input_filter='1 = 1') %}
    select
        mapped.n_rows as mapped_and_unmatched_rows,
        input_rows.n_rows as input_rows
    from (select count(distinct map_row_id) as n_rows from {{ model }}) as mapped
    cross join (select count(*) as n_rows from {{ input_model }} where {{ input_filter }}) as input_rows
    where mapped.n_rows != input_rows.n_rows
{% endtest %}
