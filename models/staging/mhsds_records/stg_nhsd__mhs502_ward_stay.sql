select
    {{ clean_text('uniq_ward_stay_id') }} as uniq_ward_stay_id,
    {{ clean_text('uniq_hosp_prov_spell_id') }} as uniq_hosp_prov_spell_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ iso_to_date('start_date_ward_stay') }} as start_date_ward_stay,
    {{ iso_to_date('end_date_ward_stay') }} as end_date_ward_stay,
    {{ clean_code('ward_type') }} as ward_type,
    {{ clean_code('ward_intended_clin_care_mh') }} as ward_intended_clin_care_mh,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs502_ward_stay') }}
