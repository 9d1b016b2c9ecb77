select
    {{ clean_text('uniq_serv_req_id') }} as uniq_serv_req_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('serv_team_type_ref_to_mh') }} as serv_team_type_ref_to_mh,
    {{ iso_to_date('refer_closure_date') }} as refer_closure_date,
    {{ iso_to_date('refer_rejection_date') }} as refer_rejection_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs102_service_type_referred_to') }}
