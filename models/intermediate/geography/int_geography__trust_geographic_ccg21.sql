-- Grain: one trust with the CCG21 its postcode lies in: the data map's single-CCG-per-trust
-- lookup (ODS geographic primary care organisation, moved to CCG21 by the crosswalk; a code that
-- was later merged maps to its CCG21). Kept for comparisons with the data map's method.
select
    mapped.trust_code as provider_code,
    mapped.trust_name as provider_name,
    mapped.geographic_ccg_ods_code,
    mapped.ccg21_ons_code,
    mapped.ccg21_ods_code,
    mapped.weight,
    mapped.map_method,
    mapped.map_row_id,
    mapped.source_code,
    mapped.unmatched_reason
from ({{ map_to_ccg21(ref('stg_ods__trust_geographic_ccg'), 'geographic_ccg_ods_code') }}) as mapped
