-- A merged CCG21's predecessor codes (ODS and ONS form) and the years they were in use: the
-- crosswalk's source codes that reach it by a merger, with the first and last vintage (CCGs open on
-- 1 April of that year). Choose the CCG with `--vars '{ccg21_ods_code: 15N}'`; by default the CCG21
-- with the most predecessors.
{%- set chosen = var('ccg21_ods_code', none) %}
with crosswalk as (
    select * from {{ ref('dim_ccg_code_crosswalk') }}
),

chosen as (
    select ccg21_ods_code
    from crosswalk
    where method = 'merger'{% if chosen %} and ccg21_ods_code = '{{ chosen }}'{% endif %}
    group by ccg21_ods_code
    order by count(distinct source_code) desc, ccg21_ods_code asc
    limit 1
)

select
    ccgs.ccg21_ods_code,
    ccgs.ccg21_name,
    crosswalk.source_code as predecessor_code,
    crosswalk.source_code_type,
    min(crosswalk.source_vintage) as first_vintage,
    max(crosswalk.source_vintage) as last_vintage,
    make_date(min(crosswalk.source_vintage), 4, 1) as in_use_from
from crosswalk
inner join chosen on crosswalk.ccg21_ods_code = chosen.ccg21_ods_code
inner join {{ ref('dim_ccgs') }} as ccgs on crosswalk.ccg21_ons_code = ccgs.ccg21_ons_code
where crosswalk.method = 'merger'
group by all
order by crosswalk.source_code_type, predecessor_code
