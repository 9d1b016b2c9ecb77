select
    {{ clean_text('person_id') }} as person_id,
    {{ iso_to_date('record_date') }} as record_date,
    {{ clean_code('employ_status') }} as employ_status,
    {{ clean_code('week_hours_worked') }} as week_hours_worked,
    {{ clean_code('jsa_ind') }} as jsa_ind,
    {{ clean_code('uc_ind') }} as uc_ind,
    {{ clean_code('benefit_rec_ind') }} as benefit_rec_ind,
    {{ clean_code('ssp_ind') }} as ssp_ind,
    {{ clean_code('self_employ_ind') }} as self_employ_ind,
    _source_file as source_file,
    _source_row as source_row
from {{ source('iapt_records', 'iapt_employment') }}
