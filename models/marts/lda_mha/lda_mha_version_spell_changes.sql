-- Spell-months whose classification differs between v1 (production) and v2 (guidance), counted by
-- month, the two MHA groups and what differs (chosen episode, concurrent order flag).
with v1 as (
    select
        uniq_month_id,
        hospital_spell_id,
        mhs401_uniq_id,
        has_concurrent_cd_cto_recall,
        mha_group
    from {{ ref('fct_lda_mha_spells', v=1) }}
),

v2 as (
    select
        uniq_month_id,
        hospital_spell_id,
        mhs401_uniq_id,
        has_concurrent_cd_cto_recall,
        mha_group
    from {{ ref('fct_lda_mha_spells', v=2) }}
)

select
    v1.uniq_month_id,
    v1.mha_group as v1_mha_group,
    v2.mha_group as v2_mha_group,
    coalesce(v1.mhs401_uniq_id, -1) <> coalesce(v2.mhs401_uniq_id, -1)
        as is_other_episode_chosen,
    v1.has_concurrent_cd_cto_recall <> v2.has_concurrent_cd_cto_recall as is_concurrent_order_flag_changed,
    count(*) as spell_months
from v1
inner join v2 on v1.uniq_month_id = v2.uniq_month_id and v1.hospital_spell_id = v2.hospital_spell_id
where
    v1.mha_group <> v2.mha_group
    or coalesce(v1.mhs401_uniq_id, -1) <> coalesce(v2.mhs401_uniq_id, -1)
    or v1.has_concurrent_cd_cto_recall <> v2.has_concurrent_cd_cto_recall
group by
    v1.uniq_month_id,
    v1.mha_group,
    v2.mha_group,
    coalesce(v1.mhs401_uniq_id, -1) <> coalesce(v2.mhs401_uniq_id, -1),
    v1.has_concurrent_cd_cto_recall <> v2.has_concurrent_cd_cto_recall
