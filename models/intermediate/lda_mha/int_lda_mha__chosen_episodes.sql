{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process() }}"
) }}
-- Rule 4: the MHA episode (MHS401 row) of each spell-month, per logic version. Grain: logic version x
-- hospital spell x reporting month, for spells with at least one candidate.
-- Candidates: month-M MHS401 rows of the same Person_ID (any provider) open for the spell:
--   v1 (production): (end null and discharge null) or start <= discharge <= end;
--   v2 (guidance): open (is_open_at) at the discharge, or, for an undischarged spell, on the day after
--   the period (a record without an end date that started on or before the discharge is open).
-- The first candidate is chosen: null end first; later end; then
--   v1: 02/03 before every other code;
--   v2: a short-term order (04, 05, 06, 19, 20) after a 02/03 with the same end, else no preference;
-- then the later start; then the higher MHS401UniqID.
with logic_versions as (
    select logic_version from {{ ref('lda_mha_logic_versions') }}
),

spells as (
    select
        uniq_month_id,
        hospital_spell_id,
        person_id,
        discharge_date,
        reporting_period_end
    from {{ rows_of_months_to_process(ref('int_lda_mha__spells'), by_file=false) }}
),

episodes as (
    select
        mha_period.uniq_month_id,
        mha_period.person_id,
        mha_period.mhs401_uniq_id,
        mha_period.uniq_mh_act_episode_id,
        mha_period.nhsd_legal_status,
        mha_period.start_date_mh_act_legal_status_class as episode_start_date,
        mha_period.end_date_mh_act_legal_status_class as episode_end_date,
        coalesce(mha_period.nhsd_legal_status in ('02', '03'), false) as is_section_2_or_3,
        coalesce(legal_status.is_short_term_order, false) as is_short_term_order
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs401_mh_act_period')) }} as mha_period
    left join {{ ref('lda_mha_legal_status_codes') }} as legal_status
        on mha_period.nhsd_legal_status = legal_status.legal_status_code
),

candidates as (
    select
        logic_versions.logic_version,
        spells.uniq_month_id,
        spells.hospital_spell_id,
        episodes.mhs401_uniq_id,
        episodes.uniq_mh_act_episode_id,
        episodes.nhsd_legal_status,
        episodes.episode_start_date,
        episodes.episode_end_date,
        episodes.is_section_2_or_3,
        episodes.is_short_term_order
    from spells
    cross join logic_versions
    inner join episodes
        on spells.person_id = episodes.person_id and spells.uniq_month_id = episodes.uniq_month_id
    where
        {{ lda_mha_is_open_for_spell(
            'logic_versions.logic_version', 'episodes.episode_start_date', 'episodes.episode_end_date',
            'spells.discharge_date', 'spells.reporting_period_end') }}
),

with_rivals as (
    select
        *,
        -- v2: is there a 02/03 among the candidates still tied after the end date steps?
        max(case when is_section_2_or_3 then 1 else 0 end) over (
            partition by logic_version, uniq_month_id, hospital_spell_id, episode_end_date
        ) = 1 as has_section_2_or_3_rival
    from candidates
)

select
    logic_version,
    uniq_month_id,
    hospital_spell_id,
    mhs401_uniq_id,
    uniq_mh_act_episode_id,
    nhsd_legal_status
from with_rivals
qualify row_number() over (
    partition by logic_version, uniq_month_id, hospital_spell_id
    order by
        case when episode_end_date is null then 0 else 1 end,
        episode_end_date desc nulls last,
        case
            -- v1: 02/03 before every other code
            when logic_version = 1 and is_section_2_or_3 then 0
            when logic_version = 1 then 1
            -- v2: a short-term order after a 02/03 rival, otherwise no preference
            when is_short_term_order and has_section_2_or_3_rival then 1
            else 0
        end,
        episode_start_date desc nulls last,
        mhs401_uniq_id desc nulls last
) = 1
