select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('find_scheme_in_use') }} as find_scheme_in_use,
    {{ clean_code('pres_comp') }} as pres_comp,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs609_pres_comp') }}
