{#- Union of the models that were built in this warehouse, for marts that gather several domains
    (a landing topic that is absent excludes its models, and the shared mart must still build).
    `columns` is a list of (name, type) pairs; every listed model must have those columns.
    ref() is called for every model so dbt orders the mart after them. -#}
{% macro union_existing(model_names, columns) -%}
    {%- set relations = [] -%}
    {%- for name in model_names -%}
        {%- set relation = ref(name) -%}
        {#- in a unit test the ref is a fixture: always there -#}
        {%- if execute and (model.resource_type == 'unit_test' or load_relation(relation) is not none) -%}
            {%- do relations.append(relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if relations | length == 0 -%}
        select
        {%- for column in columns %}
            cast(null as {{ column[1] }}) as {{ column[0] }}{{ "," if not loop.last }}
        {%- endfor %}
        where 1 = 0
    {%- else -%}
        {%- for relation in relations %}
            select
            {%- for column in columns %}
                cast({{ column[0] }} as {{ column[1] }}) as {{ column[0] }}{{ "," if not loop.last }}
            {%- endfor %}
            from {{ relation }}
            {{ "union all" if not loop.last }}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
