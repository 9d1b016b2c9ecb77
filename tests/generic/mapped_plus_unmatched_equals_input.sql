{#- Reconciliation of a CCG21 mapping (models built with map_to_ccg21 or with the same columns):
    every input row is either mapped or unmatched (never both, never lost), and the weights of a
    mapped input row sum to 1 so no volume is lost or made up. `input_filter` restricts the input
    model to the rows that were mapped (e.g. "attribution = 'provider'"). -#}
{% test mapped_plus_unmatched_equals_input(model, input_model, input_filter='1 = 1') %}
with per_input_row as (
    select
        map_row_id,
        max(case when unmatched_reason is null then 1 else 0 end) as is_mapped,
        max(case when unmatched_reason is not null then 1 else 0 end) as is_unmatched,
        sum(case when unmatched_reason is null then weight else 0 end) as total_weight
    from {{ model }}
    group by map_row_id
),

mapping as (
    select
        sum(is_mapped) as mapped_rows,
        sum(is_unmatched) as unmatched_rows,
        sum(case when is_mapped = 1 and is_unmatched = 1 then 1 else 0 end) as both_rows,
        sum(case when is_mapped = 1 and abs(total_weight - 1) > 1e-9 then 1 else 0 end) as bad_weight_rows
    from per_input_row
),

input_rows as (
    select count(*) as input_rows
    from {{ input_model }}
    where {{ input_filter }}
)

select
    input_rows.input_rows,
    mapping.mapped_rows,
    mapping.unmatched_rows,
    mapping.both_rows,
    mapping.bad_weight_rows
from mapping
cross join input_rows
where
    coalesce(mapping.mapped_rows, 0) + coalesce(mapping.unmatched_rows, 0) != input_rows.input_rows
    or mapping.both_rows > 0
    or mapping.bad_weight_rows > 0
{% endtest %}
