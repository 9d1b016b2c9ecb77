{#- One row per provider (or Average row) x intervention type x ethnic group of the data map's wide
    sheet; the two-row heading "<type> | <group>" is split; `#DIV/0!` and any other marker are flagged
    as not computable with a null rate, not 0 (parse_published_number). -#}
select
    {{ clean_code('provider_code') }} as provider_code,
    {{ clean_text('provider_name') }} as provider_name,
    trim(split_part(heading, ' | ', 1)) as intervention_type,
    trim(split_part(heading, ' | ', 2)) as ethnic_group,
    {{ parse_published_number('rate_per_1000_bed_days') }} as rate_per_1000_bed_days,
    {{ parse_published_number('rate_per_1000_bed_days', 'status') }} = 'not_computable' as is_not_computable,
    coalesce(upper(trim(provider_code)) = 'AVERAGE', false) as is_average_row,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds', 'nhsd_restraint_ethnicity_wide') }}
