select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('diag_scheme_in_use') }} as diag_scheme_in_use,
    {{ clean_code('prim_diag') }} as diag_code,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs604_prim_diag') }}
