select
    {{ clean_text('person_id') }} as person_id,
    {{ clean_code('sex') }} as sex,
    {{ text_to_number('birth_year', 'integer') }} as birth_year,
    {{ clean_text('ethnic_group') }} as ethnic_group,
    {{ clean_code('region_code') }} as region_code,
    {{ text_to_number('imd_decile', 'integer') }} as imd_decile,
    {{ clean_text('diagnosis_group') }} as diagnosis_group,
    {{ iso_to_date('death_date') }} as death_date,
    _source_file as source_file,
    _source_row as source_row
from {{ source('cmh_cohort', 'cohort_persons') }}
