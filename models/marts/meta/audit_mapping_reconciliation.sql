-- Grain: one mapped model (macro mapped_models) that was built: rows in, rows mapped to CCG21, rows
-- left unmatched and rows listed in audit_unmatched_codes. mapped + unmatched = in and unmatched =
-- audited for every model (tested), so every input row is accounted for. Exact counts of
-- record-level data: exported as audit_mapping_reconciliation_published.
with counts as (
    {{ mapping_reconciliation() }}
),

audited as (
    select
        source_model,
        sum(row_count) as audited_rows
    from {{ ref('audit_unmatched_codes') }}
    group by source_model
)

select
    counts.mapped_model as source_model,
    counts.input_model,
    counts.input_filter,
    counts.is_record_level,
    counts.input_rows,
    counts.mapped_rows,
    counts.unmatched_rows,
    cast(coalesce(audited.audited_rows, 0) as bigint) as audited_rows,
    counts.mapped_rows + counts.unmatched_rows = counts.input_rows
    and counts.unmatched_rows = coalesce(audited.audited_rows, 0) as is_reconciled
from counts
left join audited on counts.mapped_model = audited.source_model
