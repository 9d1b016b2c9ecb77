{{ config(tags=['reference']) }}
-- Grain: one cell of the data map's wide restraint sheet (int_restraint__data_map_rates) x CCG21,
-- the trust's rate given to the CCG21s it serves with the trust activity weights (macro
-- map_provider_to_ccg21, as for the published format); a trust without weights appears once with
-- unmatched_reason (listed in audit_unmatched_codes).
{{ map_provider_to_ccg21(
    ref('int_restraint__data_map_rates'), 'provider_code', 'source_file, source_row, intervention_type, ethnic_group'
) }}
