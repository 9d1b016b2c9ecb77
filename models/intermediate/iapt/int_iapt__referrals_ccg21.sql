-- Grain: one referral x CCG21 it maps to (the commissioner code, 3 characters of any vintage, moved
-- to CCG21 by map_to_ccg21 with the vintage of the referral date). Unmappable codes are kept once
-- with unmatched_reason (and audited). Record level: never exported.
{{ config(tags=['reference']) }}
select
    mapped.referral_id,
    mapped.commissioner_code,
    mapped.referral_received_date,
    mapped.discharge_date,
    mapped.is_finished_treatment,
    mapped.is_caseness,
    mapped.is_recovered,
    mapped.is_reliable_improvement,
    mapped.map_row_id,
    mapped.source_code,
    mapped.source_code_type,
    mapped.resolved_vintage,
    mapped.vintage_rule,
    mapped.matched_vintage,
    mapped.ccg21_ons_code,
    mapped.ccg21_ods_code,
    mapped.weight,
    mapped.map_method,
    mapped.unmatched_reason
from (
    {{ map_to_ccg21(ref('fct_iapt_referral_outcomes'), 'commissioner_code', period_column='referral_received_date') }}
) as mapped
