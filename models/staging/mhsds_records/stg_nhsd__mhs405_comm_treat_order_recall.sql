select
    {{ text_to_number('mhs405_uniq_id', 'bigint') }} as mhs405_uniq_id,
    {{ clean_text('uniq_mh_act_episode_id') }} as uniq_mh_act_episode_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ iso_to_date('start_date_comm_treat_ord_recall') }} as start_date_comm_treat_ord_recall,
    {{ iso_to_date('end_date_comm_treat_ord_recall') }} as end_date_comm_treat_ord_recall,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs405_comm_treat_order_recall') }}
