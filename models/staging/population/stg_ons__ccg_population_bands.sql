select
    {{ clean_code('ccg_ons_code') }} as ccg_ons_code,
    {{ clean_text('ccg_name') }} as ccg_name,
    {{ clean_code('stp_ons_code') }} as stp_ons_code,
    {{ clean_text('stp_name') }} as stp_name,
    {{ clean_code('region_ons_code') }} as region_ons_code,
    {{ clean_text('region_name') }} as region_name,
    cast(round({{ parse_published_number('all_ages') }}) as bigint) as population_all_ages,
    cast(round({{ parse_published_number('age_0_17') }}) as bigint) as population_age_0_17,
    cast(round({{ parse_published_number('age_18_35') }}) as bigint) as population_age_18_35,
    cast(round({{ parse_published_number('age_36_50') }}) as bigint) as population_age_36_50,
    cast(round({{ parse_published_number('age_51_65') }}) as bigint) as population_age_51_65,
    cast(round({{ parse_published_number('age_66_plus') }}) as bigint) as population_age_66_plus,
    {{ parse_published_number('all_ages', 'status') }} = 'not_computable'
    or {{ parse_published_number('age_0_17', 'status') }} = 'not_computable'
    or {{ parse_published_number('age_18_35', 'status') }} = 'not_computable'
    or {{ parse_published_number('age_36_50', 'status') }} = 'not_computable'
    or {{ parse_published_number('age_51_65', 'status') }} = 'not_computable'
    or {{ parse_published_number('age_66_plus', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_ccg_population_bands') }}
