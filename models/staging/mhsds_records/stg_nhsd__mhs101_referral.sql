select
    {{ clean_text('uniq_serv_req_id') }} as uniq_serv_req_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('org_id_prov') }} as provider_code,
    {{ clean_code('org_id_comm') }} as commissioner_code,
    {{ iso_to_date('referral_request_received_date') }} as referral_request_received_date,
    {{ iso_to_date('serv_disch_date') }} as serv_disch_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs101_referral') }}
