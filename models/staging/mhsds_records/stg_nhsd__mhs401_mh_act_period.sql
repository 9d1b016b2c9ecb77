select
    {{ text_to_number('mhs401_uniq_id', 'bigint') }} as mhs401_uniq_id,
    {{ clean_text('uniq_mh_act_episode_id') }} as uniq_mh_act_episode_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('org_id_prov') }} as provider_code,
    {{ clean_text('record_number') }} as record_number,
    {{ iso_to_date('start_date_mh_act_legal_status_class') }} as start_date_mh_act_legal_status_class,
    {{ iso_to_date('expiry_date_mh_act_legal_status_class') }} as expiry_date_mh_act_legal_status_class,
    {{ iso_to_date('end_date_mh_act_legal_status_class') }} as end_date_mh_act_legal_status_class,
    {{ clean_code('legal_status_code') }} as legal_status_code,
    {{ clean_code('nhsd_legal_status') }} as nhsd_legal_status,
    {{ clean_code('mental_cat') }} as mental_cat,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs401_mh_act_period') }}
