select
    {{ clean_text('referral_id') }} as referral_id,
    {{ clean_text('person_id') }} as person_id,
    {{ clean_code('provider_code') }} as provider_code,
    {{ clean_code('commissioner_code') }} as commissioner_code,
    {{ iso_to_date('referral_received_date') }} as referral_received_date,
    {{ iso_to_date('discharge_date') }} as discharge_date,
    {{ clean_text('presenting_complaint') }} as presenting_complaint,
    {{ text_to_number('age_at_referral', 'integer') }} as age_at_referral,
    {{ clean_code('gender_code') }} as gender_code,
    {{ clean_code('ethnic_category') }} as ethnic_category,
    {{ text_to_number('imd_decile', 'integer') }} as imd_decile,
    _source_file as source_file,
    _source_row as source_row
from {{ source('iapt_records', 'iapt_referrals') }}
