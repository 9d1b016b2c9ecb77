{{ config(tags=['reference']) }}
-- Grain: one provider MHSDS cell (int_mhsds__area_cells, attribution provider) x CCG21, the
-- provider's count shared out with int_geography__trust_ccg_weights (macro map_provider_to_ccg21); a provider
-- without weights appears once with unmatched_reason (listed in audit_unmatched_codes).
{{ map_provider_to_ccg21(
    ref('int_mhsds__area_cells'),
    'area_code',
    'source_file, reporting_period_start, reporting_period_end, breakdown, area_code, measure_id',
    where="attribution = 'provider'"
) }}
