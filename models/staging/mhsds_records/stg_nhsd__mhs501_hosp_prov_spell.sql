select
    {{ clean_text('uniq_hosp_prov_spell_id') }} as uniq_hosp_prov_spell_id,
    {{ clean_text('uniq_serv_req_id') }} as uniq_serv_req_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('org_id_prov') }} as provider_code,
    {{ iso_to_date('start_date_hosp_prov_spell') }} as start_date_hosp_prov_spell,
    {{ iso_to_date('disch_date_hosp_prov_spell') }} as disch_date_hosp_prov_spell,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs501_hosp_prov_spell') }}
