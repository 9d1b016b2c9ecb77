select
    {{ clean_text('person_id') }} as person_id,
    {{ iso_to_date('admission_date') }} as admission_date,
    {{ iso_to_date('discharge_date') }} as discharge_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmh_cohort', 'cohort_admissions') }}
