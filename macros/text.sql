{#- Engine differences live here, one macro each (DuckDB default, Spark override). -#}

{% macro regex_full_match(column, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match', 'mh_warehouse')(column, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(column, pattern) -%}
    regexp_full_match({{ column }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_full_match(column, pattern) -%}
    ({{ column }} rlike '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro regex_contains(column, pattern) -%}
    {{ return(adapter.dispatch('regex_contains', 'mh_warehouse')(column, pattern)) }}
{%- endmacro %}

{% macro default__regex_contains(column, pattern) -%}
    regexp_matches({{ column }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_contains(column, pattern) -%}
    ({{ column }} rlike '{{ pattern }}')
{%- endmacro %}

{#- Code columns: trimmed, upper case, empty as null. Codes stay text (leading zeros kept). -#}
{% macro clean_code(column) -%}
    nullif(upper(trim({{ column }})), '')
{%- endmacro %}

{% macro clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}

{#- Numbers published as text: thousands separators and blanks removed, '*' and other
    non-numeric markers become null (the suppression flag is kept separately by the models). -#}
{% macro text_to_number(column, type='double') -%}
    try_cast(nullif(replace(trim({{ column }}), ',', ''), '') as {{ type }})
{%- endmacro %}

{#- Flags published as text: true/false, Y/N, 1/0 (any case); anything else is null. A simple CASE, not
    IN lists: DuckDB plans each IN list as a join, which cost 20% of the LDA spells step on England's
    17 million MPI rows. -#}
{% macro text_to_boolean(column) -%}
    case upper(trim({{ column }}))
        {%- for text in ['TRUE', 'T', 'Y', 'YES', '1'] %}
        when '{{ text }}' then true
        {%- endfor %}
        {%- for text in ['FALSE', 'F', 'N', 'NO', '0'] %}
        when '{{ text }}' then false
        {%- endfor %}
    end
{%- endmacro %}

{#- Text from a seed: blank is null. dbt-spark loads an empty seed cell as the string 'None'. -#}
{% macro seed_text(column) -%}
    {{ return(adapter.dispatch('seed_text', 'mh_warehouse')(column)) }}
{%- endmacro %}

{% macro default__seed_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}

{% macro spark__seed_text(column) -%}
    nullif(nullif(trim({{ column }}), ''), 'None')
{%- endmacro %}

{#- A heading as an identifier part: lower case, spaces, dashes and slashes as `_`, brackets dropped
    ('Physical restraint - Prone' -> 'physical_restraint_prone'). -#}
{% macro text_to_key(column) -%}
    lower(replace(replace(replace(replace(replace(replace(
        trim({{ column }}), ' - ', '_'), ' ', '_'), '-', '_'), '/', '_'), '(', ''), ')', ''))
{%- endmacro %}
