{{ config(tags=['reference']) }}
-- Grain: one trust score (int_cmhs__trust_scores: survey year x trust x question) x CCG21, shared out
-- with the trust activity weights (macro map_provider_to_ccg21); a trust without weights appears
-- once with unmatched_reason (listed in audit_unmatched_codes).
{{ map_provider_to_ccg21(ref('int_cmhs__trust_scores'), 'trust_code', 'survey_year, trust_code, question_id') }}
