select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('care_prof_serv_or_team_type_assoc') }} as care_prof_serv_or_team_type_assoc,
    {{ iso_to_date('end_date_ass_care_coord') }} as end_date_ass_care_coord,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs006_mh_care_coord') }}
