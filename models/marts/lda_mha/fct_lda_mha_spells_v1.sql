-- Version 1: NHS Digital's production logic (the latest version). The rules are the models
-- int_lda_mha__chosen_episodes, int_lda_mha__concurrent_orders and int_lda_mha__spell_measures (column
-- logic_version); the differences are listed in the model docs. Grain: hospital spell x reporting month.
select
    uniq_month_id,
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
    mha_group,
    is_open_at_start,
    is_admission,
    is_discharge,
    is_admitted_and_discharged,
    is_open_at_end,
    length_of_stay_days
from {{ ref('int_lda_mha__spell_measures') }}
where logic_version = 1
