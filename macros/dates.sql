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

{#- Record-level dates: ISO 'YYYY-MM-DD' (a Parquet timestamp staged as text keeps its date part) or
    UK 'DD/MM/YYYY', never US order. The load (mhw.stage) stops on any other value in a record-level
    date column, so null here means empty. -#}
{% macro iso_to_date(column) -%}
    coalesce(try_cast(substr(trim({{ column }}), 1, 10) as date), {{ ddmmyyyy_to_date(column) }})
{%- endmacro %}
