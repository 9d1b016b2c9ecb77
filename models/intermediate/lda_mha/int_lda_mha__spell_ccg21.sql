{{ config(tags=['reference']) }}
-- The commissioner of each spell-month (MHS101 OrgIDComm of the spell's referral) moved to CCG21
-- with map_to_ccg21, using the CCG vintage of the reporting period. A spell is indivisible: where a
-- code is split between CCG21s it goes to the CCG21 with the largest weight. Codes that cannot be
-- mapped keep their reason (listed in audit_unmatched_codes) and are counted under org_code UNKNOWN.
with mapped as (
    select
        mapped_rows.uniq_month_id,
        mapped_rows.hospital_spell_id,
        mapped_rows.commissioner_code,
        mapped_rows.map_row_id,
        mapped_rows.source_code,
        mapped_rows.source_code_type,
        mapped_rows.resolved_vintage,
        mapped_rows.matched_vintage,
        mapped_rows.ccg21_ons_code,
        mapped_rows.ccg21_ods_code,
        mapped_rows.weight,
        mapped_rows.map_method,
        mapped_rows.unmatched_reason
    from (
        {{ map_to_ccg21(ref('int_lda_mha__spells'), 'commissioner_code', period_column='reporting_period_end') }}
    ) as mapped_rows
)

select
    uniq_month_id,
    hospital_spell_id,
    commissioner_code,
    map_row_id,
    source_code,
    source_code_type,
    resolved_vintage,
    matched_vintage,
    ccg21_ons_code,
    ccg21_ods_code,
    weight,
    map_method,
    unmatched_reason
from mapped
qualify row_number() over (partition by map_row_id order by weight desc nulls last, ccg21_ods_code asc) = 1
