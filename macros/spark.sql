{#- Spark runs read the staged Parquet through views that this hook creates before the build
    (DuckDB reads the same files through the sources' external_location). One view per source table,
    in a schema named after the source (the landing topic). -#}
{% macro register_spark_sources() %}
    {%- if execute and target.type == 'spark' -%}
        {%- set stage_dir = env_var('MHW_STAGE_DIR', env_var('WAREHOUSE', 'warehouse/mh.duckdb') | replace('.duckdb', '.staged')) -%}
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
