{{ config(tags=['export']) }}
-- Grain: one mapped model, as audit_mapping_reconciliation, for publication: the row counts of
-- record-level inputs (LDA spells, IAPT referrals) by the small-number rule (macro suppress_count:
-- under 5 null, others rounded to 5), published counts of other sources as they are.
with reconciliation as (
    select * from {{ ref('audit_mapping_reconciliation') }}
)

select
    source_model,
    input_model,
    input_filter,
    is_record_level,
    {%- for column in ['input_rows', 'mapped_rows', 'unmatched_rows', 'audited_rows'] %}
        case when is_record_level then {{ suppress_count(column) }} else {{ column }} end as {{ column }},
    {%- endfor %}
    is_reconciled,
    {%- set counts = ['input_rows', 'mapped_rows', 'unmatched_rows', 'audited_rows'] %}
    is_record_level and {{ is_suppressed(counts) }} as is_suppressed
from reconciliation
