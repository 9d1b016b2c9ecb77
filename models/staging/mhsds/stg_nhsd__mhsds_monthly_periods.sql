{#- The reporting periods and statuses of each monthly MHSDS CSV: the few distinct texts of a file are
    found first and only they are parsed (parsing the dates of every cell takes longer than reading
    them); the latest-status rule reads this, not the cells. -#}
{{ config(materialized='view') }}
select distinct
    {{ ddmmyyyy_to_date('reporting_period_start') }} as reporting_period_start,
    {{ ddmmyyyy_to_date('reporting_period_end') }} as reporting_period_end,
    {{ clean_text('status') }} as publication_status,
    _source_file as source_file
from (
    select distinct
        reporting_period_start,
        reporting_period_end,
        status,
        _source_file
    from {{ source('mhsds', 'nhsd_mhsds_monthly') }}
) as period_texts
