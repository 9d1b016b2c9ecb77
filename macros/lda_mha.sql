{#- Rules of the LDA Mental Health Act measure (issue 5), one macro per rule. `version` 1 is
    NHS Digital's production logic, 2 the published guidance text where the two differ. -#}

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

{#- The open rule: does an MHA period (episode, CD, CTO or recall) [start, end] belong to a spell
    with discharge date `discharge` in the period ending `period_end`?
    v1 (production): (end null and discharge null) or start <= discharge <= end.
    v2 (guidance): also an undischarged spell with a period that ends after the period end. -#}
{% macro lda_mha_is_open_for_spell(start, end, discharge, period_end, version) -%}
    coalesce(
        ({{ end }} is null and {{ discharge }} is null)
        or ({{ start }} <= {{ discharge }} and {{ discharge }} <= {{ end }})
        {%- if version == 2 %}
        or ({{ discharge }} is null and {{ end }} > {{ period_end }})
        {%- endif %},
        false
    )
{%- endmacro %}

{#- Order of candidate MHA episodes for a spell; the first is chosen.
    v1: null end first; later end; 02/03 before every other code; later start; higher MHS401UniqID.
    v2: as v1 but 02/03 are preferred only over the short-term orders 04, 05, 06, 19, 20. -#}
{% macro lda_mha_episode_order(end, legal_status, start, uniq_id, version) -%}
    case when {{ end }} is null then 0 else 1 end,
    {{ end }} desc nulls last,
    {%- if version == 2 %}
    case when {{ legal_status }} in ('04', '05', '06', '19', '20') then 1 else 0 end,
    {%- else %}
    case when {{ legal_status }} in ('02', '03') then 0 else 1 end,
    {%- endif %}
    {{ start }} desc nulls last,
    {{ uniq_id }} desc nulls last
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

{#- The spell-level measure (rules 4-8) for one version; the body of fct_lda_mha_spells v1 and v2. -#}
{% macro lda_mha_spells(version) -%}
with spells as (
    select
        uniq_month_id,
        reporting_period_start,
        reporting_period_end,
        person_id,
        hospital_spell_id,
        provider_code,
        commissioner_code,
        spell_start_date,
        discharge_date
    from {{ ref('int_lda_mha_spells') }}
),

-- rule 4: candidate MHA episodes (same person, same month, any provider) and the chosen one
candidates as (
    select
        s.uniq_month_id,
        s.hospital_spell_id,
        e.mhs401_uniq_id,
        e.uniq_mh_act_episode_id,
        e.nhsd_legal_status,
        e.start_date_mh_act_legal_status_class as episode_start_date,
        e.end_date_mh_act_legal_status_class as episode_end_date
    from spells as s
    inner join {{ ref('stg_nhsd__mhs401_mh_act_period') }} as e
        on s.person_id = e.person_id and s.uniq_month_id = e.uniq_month_id
    where {{ lda_mha_is_open_for_spell(
        'e.start_date_mh_act_legal_status_class', 'e.end_date_mh_act_legal_status_class',
        's.discharge_date', 's.reporting_period_end', version) }}
),

chosen as (
    select
        uniq_month_id,
        hospital_spell_id,
        mhs401_uniq_id,
        uniq_mh_act_episode_id,
        nhsd_legal_status
    from candidates
    qualify row_number() over (
        partition by uniq_month_id, hospital_spell_id
        order by {{ lda_mha_episode_order(
            'episode_end_date', 'nhsd_legal_status', 'episode_start_date', 'mhs401_uniq_id', version) }}
    ) = 1
),

-- rule 5: conditional discharges, CTOs and CTO recalls (MHS403, MHS404, MHS405)
orders as (
    select
        person_id,
        uniq_month_id,
        uniq_mh_act_episode_id,
        start_date_mh_cond_disch as order_start_date,
        end_date_mh_cond_disch as order_end_date
    from {{ ref('stg_nhsd__mhs403_conditional_discharge') }}
    union all
    select
        person_id,
        uniq_month_id,
        uniq_mh_act_episode_id,
        start_date_comm_treat_ord as order_start_date,
        end_date_comm_treat_ord as order_end_date
    from {{ ref('stg_nhsd__mhs404_comm_treat_order') }}
    union all
    select
        person_id,
        uniq_month_id,
        uniq_mh_act_episode_id,
        start_date_comm_treat_ord_recall as order_start_date,
        end_date_comm_treat_ord_recall as order_end_date
    from {{ ref('stg_nhsd__mhs405_comm_treat_order_recall') }}
),

concurrent as (
    select distinct
        s.uniq_month_id,
        s.hospital_spell_id
    from spells as s
    {%- if version == 2 %}
    inner join chosen as c
        on s.uniq_month_id = c.uniq_month_id and s.hospital_spell_id = c.hospital_spell_id
    inner join orders as o
        on c.uniq_mh_act_episode_id = o.uniq_mh_act_episode_id and c.uniq_month_id = o.uniq_month_id
    {%- else %}
    inner join orders as o
        on s.person_id = o.person_id and s.uniq_month_id = o.uniq_month_id
    {%- endif %}
    where {{ lda_mha_is_open_for_spell(
        'o.order_start_date', 'o.order_end_date', 's.discharge_date', 's.reporting_period_end', version) }}
),

measured as (
    select
        s.uniq_month_id,
        s.reporting_period_start,
        s.reporting_period_end,
        s.person_id,
        s.hospital_spell_id,
        s.provider_code,
        s.commissioner_code,
        s.spell_start_date,
        s.discharge_date,
        c.mhs401_uniq_id,
        c.uniq_mh_act_episode_id as mha_episode_id,
        c.nhsd_legal_status as legal_status_code,
        k.hospital_spell_id is not null as has_concurrent_cd_cto_recall
    from spells as s
    left join chosen as c
        on s.uniq_month_id = c.uniq_month_id and s.hospital_spell_id = c.hospital_spell_id
    left join concurrent as k
        on s.uniq_month_id = k.uniq_month_id and s.hospital_spell_id = k.hospital_spell_id
)

select
    cast(uniq_month_id as bigint) as uniq_month_id,
    reporting_period_start,
    reporting_period_end,
    person_id,
    hospital_spell_id,
    provider_code,
    commissioner_code,
    spell_start_date,
    discharge_date,
    mha_episode_id,
    mhs401_uniq_id,
    legal_status_code,
    has_concurrent_cd_cto_recall,
    -- rule 6
    {{ lda_mha_group('legal_status_code', 'has_concurrent_cd_cto_recall') }} as mha_group,
    -- rule 7 (S spell start, D discharge, [Ps, Pe] the period); a null S or D comparison is false
    coalesce(
        spell_start_date < reporting_period_start
        and (discharge_date is null or discharge_date >= reporting_period_start),
        false
    ) as is_open_at_start,
    coalesce(
        spell_start_date between reporting_period_start and reporting_period_end
        and (discharge_date is null or discharge_date > reporting_period_end),
        false
    ) as is_admission,
    coalesce(
        spell_start_date < reporting_period_start
        and discharge_date between reporting_period_start and reporting_period_end,
        false
    ) as is_discharge,
    coalesce(
        spell_start_date between reporting_period_start and reporting_period_end
        and discharge_date between reporting_period_start and reporting_period_end,
        false
    ) as is_admitted_and_discharged,
    coalesce(discharge_date is null or discharge_date > reporting_period_end, false) as is_open_at_end,
    -- rule 8: days from admission to the period end, or to the discharge when within the period
    cast({{ days_between('spell_start_date',
        'case when discharge_date <= reporting_period_end then discharge_date else reporting_period_end end') }}
        as bigint) as length_of_stay_days
from measured
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
