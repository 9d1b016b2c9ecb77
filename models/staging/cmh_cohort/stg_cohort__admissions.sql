select
    {{ clean_text('person_id') }} as person_id,
    try_cast({{ clean_text('admission_date') }} as date) as admission_date,
    try_cast({{ clean_text('discharge_date') }} as date) as discharge_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmh_cohort', 'cohort_admissions') }}
