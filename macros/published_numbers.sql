{#- A number as a statistical release publishes it (text): one rule for every published source.
      parse_published_number(column)            the number (double), or null
      parse_published_number(column, 'status')  why: 'number'; 'suppressed' ('*', disclosure
                                                control); 'blank' (an empty cell: nothing published);
                                                'not_computable' (any other text: #DIV/0!, #N/A, -,
                                                NULL, NaN, N/A, .., x, ... kept as a marker, never 0)
    A number may carry a currency sign (£ $ €), thousands separators in groups of three
    (£297,439 and 1,234,567.5), a sign and an exponent. 'NaN' and 'Infinity' are markers here, not
    numbers (both engines would cast them). Models flag a sum with any suppressed or not-computable
    contributor (is_suppressed / is_not_computable), and never sum such a cell as if it were absent. -#}
{% macro parse_published_number(column, output='value') -%}
    {%- set cleaned = "replace(replace(replace(trim(" ~ column ~ "), '£', ''), '$', ''), '€', '')" -%}
    {%- set is_number = regex_full_match(
        cleaned, '[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?([eE][-+]?[0-9]+)?|[-+]?[.][0-9]+'
    ) -%}
    {%- if output == 'value' -%}
        case when {{ is_number }} then try_cast(replace({{ cleaned }}, ',', '') as double) end
    {%- elif output == 'status' -%}
        case
            when nullif(trim({{ column }}), '') is null then 'blank'
            when trim({{ column }}) = '*' then 'suppressed'
            when {{ is_number }} then 'number'
            else 'not_computable'
        end
    {%- else -%}
        {{ exceptions.raise_compiler_error("parse_published_number: output is 'value' or 'status', not " ~ output) }}
    {%- endif -%}
{%- endmacro %}
