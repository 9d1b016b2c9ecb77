{#- Incremental months. The load writes landing.month_files (topic, file, sha256, source, month) and
    landing.months_to_process (per topic, the months whose files differ from the previous load into the
    same warehouse; every month on a first load). Topics and their month column: mhsds_records by
    uniq_month_id (record-level MHSDS), mhsds by reporting_period_start (the published monthly CSVs).
    A per-month model is incremental on DuckDB: its pre-hook deletes the rows of those months and of months
    no longer in the landing zone, and it inserts the rows of those months only, reading only the files
    that hold them. On Spark it is a table. -#}

{% macro month_incremental_materialization() %}
    {{ return(adapter.dispatch('month_incremental_materialization', 'mh_warehouse')()) }}
{% endmacro %}

{% macro default__month_incremental_materialization() %}
    {{ return('table') }}
{% endmacro %}

{% macro duckdb__month_incremental_materialization() %}
    {{ return('incremental') }}
{% endmacro %}

{#- The month column of a topic's per-month models -#}
{% macro month_column(topic) %}
    {{ return({'mhsds_records': 'uniq_month_id', 'mhsds': 'reporting_period_start'}[topic]) }}
{% endmacro %}

{#- An incremental run of a per-month model (never in a unit test, which has no relation `this`) -#}
{% macro is_month_increment() %}
    {{ return(execute and this is not none and is_incremental()) }}
{% endmacro %}

{#- {months: months to process, current: months in the landing zone, files: the files holding the months to
    process} of a topic, or none when the load wrote no such tables (every month is processed then) -#}
{% macro months_to_process(topic) %}
    {%- set todo = adapter.get_relation(database=target.database, schema='landing', identifier='months_to_process') -%}
    {%- set files = adapter.get_relation(database=target.database, schema='landing', identifier='month_files') -%}
    {%- if todo is none or files is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set query -%}
        select 'months' as kind, month as item from {{ todo }} where topic = '{{ topic }}'
        union all
        select distinct 'current' as kind, month as item from {{ files }} where topic = '{{ topic }}'
        union all
        select distinct 'files' as kind, month_files.path as item
        from {{ files }} as month_files
        inner join {{ todo }} as todo on month_files.topic = todo.topic and month_files.month = todo.month
        where month_files.topic = '{{ topic }}'
    {%- endset -%}
    {%- set found = {'months': [], 'current': [], 'files': []} -%}
    {%- for row in run_query(query).rows -%}
        {%- do found[row[0]].append(row[1]) -%}
    {%- endfor -%}
    {{ return(found) }}
{% endmacro %}

{#- `column in (...)` of literals: text (quoted), whole numbers or dates; false for an empty list -#}
{% macro in_literal_list(column, values, kind='text') -%}
    {%- if values | length == 0 -%}
        false
    {%- elif kind == 'number' -%}
        {{ column }} in ({{ values | map('int') | join(', ') }})
    {%- else -%}
        {{ column }} in ({% for value in values -%}
            {{ "cast('" ~ value ~ "' as date)" if kind == 'date' else "'" ~ (value | replace("'", "''")) ~ "'" }}
            {{- ', ' if not loop.last }}
        {%- endfor %})
    {%- endif -%}
{%- endmacro %}

{#- `month column in (months)` of a topic -#}
{% macro in_months(topic, months) -%}
    {{ in_literal_list(month_column(topic), months, 'number' if topic == 'mhsds_records' else 'date') }}
{%- endmacro %}

{#- The relation, or in an incremental run only its rows of the topic's months to process: literal lists, so
    that DuckDB reads only the files of those months (by_file: the relation has source_file, as staging has) -#}
{% macro rows_of_months_to_process(relation, topic='mhsds_records', by_file=true) -%}
    {%- set todo = months_to_process(topic) if is_month_increment() else none -%}
    {%- if todo is none -%}
        {{ relation }}
    {%- else -%}
        (select * from {{ relation }}
        where {{ in_months(topic, todo.months) }}
        {%- if by_file %} and {{ in_literal_list('source_file', todo.files) }}{% endif %})
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a per-month incremental model: delete the months to process and the months that are gone -#}
{% macro delete_months_to_process(topic='mhsds_records') -%}
    {%- if is_month_increment() -%}
        {%- set todo = months_to_process(topic) -%}
        delete from {{ this }}
        {%- if todo is not none %}
        where
            {{ month_column(topic) }} is null
            or {{ in_months(topic, todo.months) }}
            or not {{ in_months(topic, todo.current) }}
        {%- endif %}
    {%- endif -%}
{%- endmacro %}
