{#- The NHS small-number rule, one place for every export of record-level data. Published tables
    keep numbers numeric: a suppressed value is null, and an `is_suppressed` column says so.
      suppress_count(x)        a count under 5 (0 included) -> null; any other count rounded to the
                               nearest 5 (a bigint)
      suppress_rate(n, d, ...) the rate of the published (rounded) counts, so that it never reveals
                               more than the counts beside it; null when n or d is under 5;
                               `decimals` 0 by default: percentages as whole numbers
      is_suppressed([x, ...])  true when any of the counts is under 5 (a null count is missing,
                               not suppressed) -#}

{% macro suppress_count(count) -%}
    case when {{ count }} >= 5 then cast(round({{ count }} / 5.0) * 5 as bigint) end
{%- endmacro %}

{% macro suppress_rate(numerator, denominator, multiplier=1, decimals=0) -%}
    case
        when {{ numerator }} >= 5 and {{ denominator }} >= 5
            then round(
                cast({{ suppress_count(numerator) }} as double) * {{ multiplier }}
                / {{ suppress_count(denominator) }},
                {{ decimals }}
            )
    end
{%- endmacro %}

{% macro is_suppressed(counts) -%}
    ({%- for count in counts %}coalesce({{ count }} < 5, false){{ ' or ' if not loop.last }}{% endfor -%})
{%- endmacro %}

{#- Landing topics holding record-level data: every count read from them is published only
    through suppress_count. -#}
{% macro record_level_topics() -%}
    ('mhsds_records', 'iapt_records', 'cmh_cohort')
{%- endmacro %}

{#- Sources of fct_ccg_indicators built from record-level data (their rates are whole percentages of
    rounded counts; a ratio rebuilt from them at another level is rounded likewise). -#}
{% macro record_level_indicator_sources() -%}
    ('iapt_referrals')
{%- endmacro %}
