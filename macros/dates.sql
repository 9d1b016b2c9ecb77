{#- Date parsing that runs on DuckDB and Spark alike (string slicing, then an ISO cast). -#}

{% macro yyyymmdd_to_date(column) -%}
    case
        when length(trim({{ column }})) = 8
            then try_cast(
                substr(trim({{ column }}), 1, 4) || '-' || substr(trim({{ column }}), 5, 2) || '-'
                || substr(trim({{ column }}), 7, 2) as date
            )
    end
{%- endmacro %}

{% macro ddmmyyyy_to_date(column) -%}
    case
        when length(trim({{ column }})) = 10
            then try_cast(
                substr(trim({{ column }}), 7, 4) || '-' || substr(trim({{ column }}), 4, 2) || '-'
                || substr(trim({{ column }}), 1, 2) as date
            )
    end
{%- endmacro %}

{#- ISO dates as published in record-level extracts ('YYYY-MM-DD'; a Parquet timestamp staged as
    text keeps its date part); anything else becomes null. -#}
{% macro iso_to_date(column) -%}
    try_cast(substr(trim({{ column }}), 1, 10) as date)
{%- endmacro %}
