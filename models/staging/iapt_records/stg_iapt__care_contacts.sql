select
    {{ clean_text('referral_id') }} as referral_id,
    {{ iso_to_date('contact_date') }} as contact_date,
    {{ clean_code('attended') }} as attended_code,
    lower({{ clean_text('contact_type') }}) as contact_type,
    {{ text_to_number('phq9_score', 'integer') }} as phq9_score,
    {{ text_to_number('gad7_score', 'integer') }} as gad7_score,
    _source_file as source_file,
    _source_row as source_row
from {{ source('iapt_records', 'iapt_care_contacts') }}
