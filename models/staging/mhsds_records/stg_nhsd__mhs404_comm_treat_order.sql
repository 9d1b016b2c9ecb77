select
    {{ text_to_number('mhs404_uniq_id', 'bigint') }} as mhs404_uniq_id,
    {{ clean_text('uniq_mh_act_episode_id') }} as uniq_mh_act_episode_id,
    {{ clean_text('person_id') }} as person_id,
    {{ text_to_number('uniq_month_id', 'bigint') }} as uniq_month_id,
    {{ iso_to_date('start_date_comm_treat_ord') }} as start_date_comm_treat_ord,
    {{ iso_to_date('expiry_date_comm_treat_ord') }} as expiry_date_comm_treat_ord,
    {{ iso_to_date('end_date_comm_treat_ord') }} as end_date_comm_treat_ord,
    _source_file as source_file,
    _source_row as source_row
from {{ source('mhsds_records', 'nhsd_mhs404_comm_treat_order') }}
