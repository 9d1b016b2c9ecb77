select
    {{ clean_text('person_id') }} as person_id,
    {{ iso_to_date('contact_date') }} as contact_date,
    lower({{ clean_text('setting') }}) as setting,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmh_cohort', 'cohort_contacts') }}
