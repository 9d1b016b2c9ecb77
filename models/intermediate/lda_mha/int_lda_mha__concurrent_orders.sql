{{ config(
    materialized=month_incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_months_to_process() }}"
) }}
-- Rule 5: spell-months with a concurrent conditional discharge, CTO or CTO recall, per logic version.
-- Grain: logic version x hospital spell x reporting month (only spells that have one). In both versions
-- the orders are the person's (month-M MHS403, MHS404, MHS405 rows of the Person_ID, as in the
-- guidance's CASE; the guidance's `MHS505CommTreatOrderRecall` is a typo for MHS405), whichever episode
-- they are linked to. Open for the spell:
--   v1 (production): (end null and discharge null) or start <= discharge <= end;
--   v2 (guidance): open (is_open_at) at the discharge, or on the day after the period when undischarged.
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

orders as (
    select
        person_id,
        uniq_month_id,
        start_date_mh_cond_disch as order_start_date,
        end_date_mh_cond_disch as order_end_date
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs403_conditional_discharge')) }}
    union all
    select
        person_id,
        uniq_month_id,
        start_date_comm_treat_ord as order_start_date,
        end_date_comm_treat_ord as order_end_date
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs404_comm_treat_order')) }}
    union all
    select
        person_id,
        uniq_month_id,
        start_date_comm_treat_ord_recall as order_start_date,
        end_date_comm_treat_ord_recall as order_end_date
    from {{ rows_of_months_to_process(ref('stg_nhsd__mhs405_comm_treat_order_recall')) }}
)

select distinct
    logic_versions.logic_version,
    spells.uniq_month_id,
    spells.hospital_spell_id
from spells
cross join logic_versions
inner join orders
    on spells.person_id = orders.person_id and spells.uniq_month_id = orders.uniq_month_id
where
    {{ lda_mha_is_open_for_spell(
        'logic_versions.logic_version', 'orders.order_start_date', 'orders.order_end_date',
        'spells.discharge_date', 'spells.reporting_period_end') }}
