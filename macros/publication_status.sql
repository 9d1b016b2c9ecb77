{#- Order of NHS Digital publication statuses of a reporting period: a later status replaces the
    earlier one (Provisional < Performance < Final < Adhoc; anything else ranks lowest). -#}
{% macro publication_status_rank(column) -%}
    case lower(trim({{ column }}))
        when 'provisional' then 1
        when 'performance' then 2
        when 'final' then 3
        when 'adhoc' then 4
        else 0
    end
{%- endmacro %}

{#- The rows of `relation` (published cells with reporting_period_start, _end and publication_status) of
    the latest publication status of their reporting period, with status_rank: a period republished under
    a later status replaces every cell of the earlier one. `periods`: the relation's distinct periods and
    statuses (the same columns), where the latest status is found without reading every cell twice. -#}
{% macro latest_publication_rows(relation, periods) -%}
    select ranked.*
    from (
        select
            *,
            {{ publication_status_rank('publication_status') }} as status_rank
        from {{ relation }}
    ) as ranked
    inner join (
        select
            reporting_period_start,
            reporting_period_end,
            max({{ publication_status_rank('publication_status') }}) as latest_rank
        from {{ periods }}
        group by reporting_period_start, reporting_period_end
    ) as latest
        on
            ranked.reporting_period_start = latest.reporting_period_start
            and ranked.reporting_period_end = latest.reporting_period_end
            and ranked.status_rank = latest.latest_rank
{%- endmacro %}
