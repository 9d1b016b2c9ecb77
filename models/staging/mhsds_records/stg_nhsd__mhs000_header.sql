select
    {{ clean_text('uniq_submission_id') }} as uniq_submission_id,
    {{ clean_code('org_id_provider') }} as provider_code,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ iso_to_date('reporting_period_start_date') }} as reporting_period_start_date,
    {{ iso_to_date('reporting_period_end_date') }} as reporting_period_end_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs000_header') }}
