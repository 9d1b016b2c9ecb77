-- One row per published cell: area (every level as published) x year x sex x single year of age.
select
    cast(year as integer) as estimate_year,
    lower(sex) as sex,
    {{ clean_code('area_code') }} as area_code,
    {{ clean_text('area_name') }} as area_name,
    case substr(upper(trim(area_code)), 1, 3)
        when 'E92' then 'country'
        when 'E40' then 'nhs_region'
        when 'E39' then 'nhs_local_office'
        when 'E54' then 'stp'
        when 'E38' then 'ccg'
        else 'other'
    end as area_level,
    {{ clean_code('parent_code') }} as parent_code,
    {{ clean_code('region_code') }} as region_code,
    trim(age) as age_label,
    cast(replace(trim(age), '+', '') as integer) as age,
    cast(round({{ parse_published_number('population') }}) as bigint) as population,
    {{ parse_published_number('population', 'status') }} = 'not_computable' as is_not_computable,
    _source_file as source_file,
    _source_row as source_row
from {{ source('population', 'ons_ccg_population_sya') }}
