{#- Relations go to the schema their folder names (dbt_project.yml `+schema`): `staging`,
    `intermediate`, `marts`, `audit`; exactly that name, not dbt's default `<target schema>_<name>`.
    The same names are the Spark databases. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
