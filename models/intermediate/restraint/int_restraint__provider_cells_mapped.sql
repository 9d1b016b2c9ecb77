{{ config(tags=['reference']) }}
-- Grain: one provider restraint cell (int_restraint__provider_cells) x CCG21, the provider's counts
-- and bed days shared out with int_geography__trust_ccg_weights (macro map_provider_to_ccg21); a provider
-- without weights appears once with unmatched_reason (listed in audit_unmatched_codes).
{{ map_provider_to_ccg21(
    ref('int_restraint__provider_cells'), 'provider_code',
    'reporting_period_start, provider_code, intervention_category, ethnic_group'
) }}
