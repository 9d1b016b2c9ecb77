{#- Small rules of the LDA Mental Health Act measure (issue 5). The rules themselves are models:
    models/intermediate/lda_mha/int_lda_mha__*.sql, one per step, with a logic_version column where
    version 1 (NHS Digital's production logic) and version 2 (the guidance text) differ. -#}

{#- Is a record [start, end] open at `point`? A null bound is open (a null end = not ended); pass
    start = none to test the end only ("not ended before `point`"). -#}
{% macro is_open_at(start, end, point) -%}
    coalesce(
        {%- if start is not none %}
        ({{ start }} is null or {{ start }} <= {{ point }}) and
        {%- endif %}
        ({{ end }} is null or {{ end }} >= {{ point }}),
        false
    )
{%- endmacro %}

{#- The guidance's CASE, first match wins, exactly as written (including its redundant branches). -#}
{% macro lda_mha_group(legal_status, has_concurrent_order) -%}
    case
        when {{ has_concurrent_order }}
            and {{ legal_status }} in (
                '02', '03', '07', '08', '09', '10', '12', '13', '14', '15', '16', '17', '18', '31', '32', '37', '38'
            )
            then 'Informal'
        when {{ legal_status }} is null or {{ legal_status }} = '98' then 'Informal'
        when {{ legal_status }} = '01' then 'Informal'
        when {{ legal_status }} in ('02', '03') then 'Part 2'
        when {{ legal_status }} in ('07', '08', '10', '12', '13', '14', '16', '18', '34') then 'Part 3 no restrictions'
        when {{ legal_status }} in ('09', '15', '17') then 'Part 3 with restrictions'
        when {{ legal_status }} in ('04', '05', '06', '19', '20', '31', '32', '35', '36', '37', '38') then 'Other'
        when {{ legal_status }} = '99' then 'Informal'
        else 'Informal'
    end
{%- endmacro %}

{#- Is an MHA record (episode, CD, CTO or recall) [start, end] open for a spell discharged on
    `discharge` (null = not discharged by the end of the period `period_end`), by logic version:
      1 (production): (end null and discharge null) or start <= discharge <= end, so a discharged
        spell never matches a record without an end date;
      2 (guidance): is_open_at the discharge, or, for an undischarged spell, on the day after the
        period (a record without an end date that started on or before the discharge is open). -#}
{% macro lda_mha_is_open_for_spell(logic_version, start, end, discharge, period_end) -%}
    case {{ logic_version }}
        when 1 then coalesce(
            ({{ end }} is null and {{ discharge }} is null)
            or ({{ start }} <= {{ discharge }} and {{ discharge }} <= {{ end }}),
            false
        )
        else {{ is_open_at(start, end, 'coalesce(' ~ discharge ~ ', ' ~ day_after(period_end) ~ ')') }}
    end
{%- endmacro %}

{#- Start of an MHSDS reporting month from UniqMonthID = 12 * (year - 1900) + month - 3. -#}
{% macro uniq_month_start(uniq_month_id) -%}
    make_date(
        cast(1900 + floor(({{ uniq_month_id }} + 2) / 12) as int),
        cast(({{ uniq_month_id }} + 2) % 12 + 1 as int),
        1
    )
{%- endmacro %}

{#- Whole days from `start` to `end` (end - start). -#}
{% macro days_between(start, end) -%}
    {{ return(adapter.dispatch('days_between', 'mh_warehouse')(start, end)) }}
{%- endmacro %}

{% macro default__days_between(start, end) -%}
    datediff('day', {{ start }}, {{ end }})
{%- endmacro %}

{% macro spark__days_between(start, end) -%}
    datediff({{ end }}, {{ start }})
{%- endmacro %}

{#- The day after `day` (a date on both engines). -#}
{% macro day_after(day) -%}
    cast({{ day }} + interval 1 day as date)
{%- endmacro %}

{#- The MHA groups as published columns: (mha_group value, column name), in published order. -#}
{% macro lda_mha_group_columns() -%}
    {{ return([
        ('Informal', 'informal'), ('Part 2', 'part_2'), ('Part 3 no restrictions', 'part_3_no_restrictions'),
        ('Part 3 with restrictions', 'part_3_with_restrictions'), ('Other', 'other')]) }}
{%- endmacro %}

{#- Published breakdown label and sort order of a geography. -#}
{% macro lda_mha_breakdown(geography) -%}
    case {{ geography }}
        when 'National' then 'England'
        when 'Provider' then 'Provider'
        when 'CCG21' then 'CCG - Commissioner'
    end
{%- endmacro %}

{% macro lda_mha_breakdown_order(geography) -%}
    case {{ geography }} when 'National' then 1 when 'Provider' then 2 else 3 end
{%- endmacro %}
