select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('org_id_prov') }} as provider_code,
    {{ clean_text('record_number') }} as record_number,
    {{ text_to_boolean('pat_m_rec_in_rp') }} as is_patient_record_in_period,
    {{ text_to_number('age_rep_period_end', 'bigint') }} as age_at_period_end,
    {{ clean_code('gender') }} as gender,
    {{ clean_code('nhsd_ethnicity') }} as nhsd_ethnicity,
    {{ clean_code('org_id_ccg_res') }} as ccg_of_residence_code,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs001_mpi') }}
