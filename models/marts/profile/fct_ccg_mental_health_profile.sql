{{ config(tags=['reference', 'export']) }}
-- depends_on: {{ ref('dim_indicators') }}
-- Grain: one CCG21 (every CCG of dim_ccgs, with or without data): codes and name, then one column
-- per profile indicator (dim_indicators.profile_column) holding the value of the indicator's latest
-- period in fct_ccg_indicators (the same period for every CCG21). Null = suppressed or no data;
-- fct_ccg_indicators tells which (is_suppressed). Like the data map's data.json, with column names
-- that explain themselves; the period of each column is in dim_indicators.period_description.
{%- set profile = [] -%}
{#- dim_indicators is absent only before its first build (e.g. when sqlfluff compiles on a fresh clone) -#}
{%- if execute and load_relation(ref('dim_indicators')) is not none -%}
    {%- set result = run_query(
        "select indicator_id, profile_column from " ~ ref('dim_indicators')
        ~ " where profile_column is not null order by indicator_id"
    ) -%}
    {%- for row in result.rows -%}
        {%- do profile.append((row[0], row[1])) -%}
    {%- endfor -%}
{%- endif %}
with latest_period as (
    select
        indicator_id,
        max(period_end) as period_end
    from {{ ref('fct_ccg_indicators') }}
    group by indicator_id
),

latest as (
    select
        facts.ccg21_ons_code,
        facts.indicator_id,
        facts.value
    from {{ ref('fct_ccg_indicators') }} as facts
    inner join latest_period
        on facts.indicator_id = latest_period.indicator_id and facts.period_end = latest_period.period_end
)

select
    ccgs.ccg21_ons_code,
    ccgs.ccg21_ods_code,
    ccgs.ccg21_name{{ ',' if profile }}  -- noqa: LT02
    {%- for indicator_id, column in profile %}
    max(case when latest.indicator_id = '{{ indicator_id }}' then latest.value end)
        as {{ column }}{{ ',' if not loop.last }}  -- noqa: LT02
    {%- endfor %}
from {{ ref('dim_ccgs') }} as ccgs
-- (the join is unused only when no profile column is known yet, before dim_indicators exists)
left join latest on ccgs.ccg21_ons_code = latest.ccg21_ons_code  -- noqa: ST11
group by ccgs.ccg21_ons_code, ccgs.ccg21_ods_code, ccgs.ccg21_name
