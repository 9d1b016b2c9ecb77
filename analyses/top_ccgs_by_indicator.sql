-- The ten CCG21s with the highest value of one indicator in its latest period, with names, unit and
-- period. Change the indicator with `--vars '{indicator_id: oaps_active_at_month_end}'`.
{%- set indicator_id = var('indicator_id', 'population_all_ages') %}
with indicator as (
    select * from {{ ref('dim_indicators') }}
    where indicator_id = '{{ indicator_id }}'
),

latest as (
    select facts.*
    from {{ ref('fct_ccg_indicators') }} as facts
    inner join indicator
        on facts.indicator_id = indicator.indicator_id and facts.period_end = indicator.profile_period_end
)

select
    ccgs.ccg21_ons_code,
    ccgs.ccg21_name,
    indicator.name as indicator_name,
    latest.value,
    indicator.unit,
    latest.period_start,
    latest.period_end
from latest
inner join indicator on latest.indicator_id = indicator.indicator_id
inner join {{ ref('dim_ccgs') }} as ccgs on latest.ccg21_ons_code = ccgs.ccg21_ons_code
where latest.value is not null
order by latest.value desc, ccgs.ccg21_ons_code asc
limit 10
