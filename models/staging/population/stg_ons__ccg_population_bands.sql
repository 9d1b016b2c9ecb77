select
    {{ clean_code('ccg_ons_code') }} as ccg_ons_code,
    {{ clean_text('ccg_name') }} as ccg_name,
    {{ clean_code('stp_ons_code') }} as stp_ons_code,
    {{ clean_text('stp_name') }} as stp_name,
    {{ clean_code('region_ons_code') }} as region_ons_code,
    {{ clean_text('region_name') }} as region_name,
    {{ text_to_number('all_ages', 'bigint') }} as population_all_ages,
    {{ text_to_number('age_0_17', 'bigint') }} as population_age_0_17,
    {{ text_to_number('age_18_35', 'bigint') }} as population_age_18_35,
    {{ text_to_number('age_36_50', 'bigint') }} as population_age_36_50,
    {{ text_to_number('age_51_65', 'bigint') }} as population_age_51_65,
    {{ text_to_number('age_66_plus', 'bigint') }} as population_age_66_plus,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_ccg_population_bands') }}
