-- Grain: one published provider x commissioner pair (IAPT time series) x CCG21 it maps to.
-- The commissioner codes mix CCG vintages with hubs and placeholders and the file says no vintage,
-- so map_to_ccg21 picks the vintage that matches most codes; unmatched pairs are audited.
select
    mapped.provider_code,
    mapped.provider_name,
    mapped.commissioner_code,
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
from ({{ map_to_ccg21(ref('stg_nhsd__iapt_trust_ccg_pairs'), 'commissioner_code') }}) as mapped
