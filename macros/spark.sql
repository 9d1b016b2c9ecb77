{#- Spark runs read the landing relations through views that this hook creates before the build:
    DuckDB reads them in the warehouse's schema `landing` (views over the landing files, small
    tables); `mhw landing-parquet` writes each as Parquet into $MHW_STAGE_DIR for Spark. One view
    per source table, in the source's schema. -#}
{% macro register_spark_sources() %}
    {%- if execute and target.type == 'spark' -%}
        {%- set stage_dir = env_var('MHW_STAGE_DIR') -%}
        {%- for schema in graph.sources.values() | map(attribute='schema') | unique -%}
            {%- do run_query('create schema if not exists ' ~ schema) -%}
        {%- endfor -%}
        {%- for node in graph.sources.values() -%}
            {%- set path = stage_dir ~ '/' ~ node.identifier ~ '.parquet' -%}
            {%- do run_query('create or replace view ' ~ node.schema ~ '.' ~ node.identifier
                ~ ' as select * from parquet.`' ~ path ~ '`') -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
