{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process() }}"
) }}
-- Rules 6-8 for every logic version: the spell-month with its chosen episode (rule 4), concurrent
-- order flag (rule 5), MHA group (rule 6, the guidance's CASE: macro lda_mha_group), activity flags
-- (rule 7) and length of stay (rule 8). Grain: logic version x hospital spell x reporting month.
-- fct_lda_mha_spells_v1 and _v2 select their version.
with logic_versions as (
    select logic_version from {{ ref('lda_mha_logic_versions') }}
),

spells as (
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
    from {{ rows_of_months_to_process(ref('int_lda_mha__spells'), by_file=false) }}
),

chosen_episodes as (
    select
        logic_version,
        uniq_month_id,
        hospital_spell_id,
        mhs401_uniq_id,
        uniq_mh_act_episode_id,
        nhsd_legal_status
    from {{ rows_of_months_to_process(ref('int_lda_mha__chosen_episodes'), by_file=false) }}
),

concurrent_orders as (
    select
        logic_version,
        uniq_month_id,
        hospital_spell_id
    from {{ rows_of_months_to_process(ref('int_lda_mha__concurrent_orders'), by_file=false) }}
),

with_status as (
    select
        logic_versions.logic_version,
        spells.uniq_month_id,
        spells.reporting_period_start,
        spells.reporting_period_end,
        spells.person_id,
        spells.hospital_spell_id,
        spells.provider_code,
        spells.commissioner_code,
        spells.spell_start_date,
        spells.discharge_date,
        -- rule 8: the length of stay runs to the period end, or to the discharge when within the period
        case
            when spells.discharge_date <= spells.reporting_period_end then spells.discharge_date
            else spells.reporting_period_end
        end as length_of_stay_end_date,
        chosen_episodes.uniq_mh_act_episode_id as mha_episode_id,
        chosen_episodes.mhs401_uniq_id,
        chosen_episodes.nhsd_legal_status as legal_status_code,
        concurrent_orders.hospital_spell_id is not null as has_concurrent_cd_cto_recall
    from spells
    cross join logic_versions
    left join chosen_episodes
        on
            logic_versions.logic_version = chosen_episodes.logic_version
            and spells.uniq_month_id = chosen_episodes.uniq_month_id
            and spells.hospital_spell_id = chosen_episodes.hospital_spell_id
    left join concurrent_orders
        on
            logic_versions.logic_version = concurrent_orders.logic_version
            and spells.uniq_month_id = concurrent_orders.uniq_month_id
            and spells.hospital_spell_id = concurrent_orders.hospital_spell_id
)

select
    cast(logic_version as int) as logic_version,
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
    -- rule 8 (null when the start is missing; negative for a start after the period end: band Unknown)
    cast({{ days_between('spell_start_date', 'length_of_stay_end_date') }} as bigint) as length_of_stay_days
from with_status
