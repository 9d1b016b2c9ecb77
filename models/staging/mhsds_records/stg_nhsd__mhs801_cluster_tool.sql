select
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ clean_code('clust_cat') }} as clust_cat,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs801_cluster_tool') }}
