{{ config(materialized='view', alias='fct_lda_mha_spells') }}
-- The interface name fct_lda_mha_spells as a relation: a view of the latest version of the versioned
-- model (ref without a version = latest_version), with its columns whatever they are. Grain: hospital
-- spell x reporting month.
select * from {{ ref('fct_lda_mha_spells') }}  -- noqa: AM04
