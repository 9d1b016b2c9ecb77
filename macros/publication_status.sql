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
