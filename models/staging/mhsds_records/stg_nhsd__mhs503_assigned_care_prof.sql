select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('treat_func_code_mh') }} as treat_func_code_mh,
    {{ iso_to_date('end_date_ass_care_prof') }} as end_date_ass_care_prof,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs503_assigned_care_prof') }}
