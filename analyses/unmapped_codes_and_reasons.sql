-- What failed to map to CCG21 and why: per mapped model and reason, the codes and rows left out,
-- next to the model's input rows (audit_mapping_reconciliation).
select
    unmatched.source_model,
    unmatched.reason,
    count(*) as codes,
    sum(unmatched.row_count) as unmatched_rows,
    max(reconciliation.input_rows) as input_rows,
    round(100.0 * sum(unmatched.row_count) / max(reconciliation.input_rows), 2) as unmatched_pct
from {{ ref('audit_unmatched_codes') }} as unmatched
inner join {{ ref('audit_mapping_reconciliation') }} as reconciliation
    on unmatched.source_model = reconciliation.source_model
group by unmatched.source_model, unmatched.reason
order by unmatched_rows desc, unmatched.source_model asc, unmatched.reason asc
