-- Each spell-month of fct_lda_mha_spells (v1) once per geography it is counted in: National
-- (org_code England), Provider (org_code = provider ODS code) and, when the geography (landing topic
-- reference/) was built, CCG21 (org_code = the commissioner's CCG21 ODS code, UNKNOWN if unmappable).
{%- set columns = [
    'uniq_month_id', 'reporting_period_start', 'reporting_period_end', 'hospital_spell_id', 'mha_group',
    'is_open_at_start', 'is_admission', 'is_discharge', 'is_admitted_and_discharged', 'is_open_at_end',
    'length_of_stay_days'] %}
with spells as (
    select
        provider_code,
        commissioner_code,
        {{ columns | join(',\n        ') }}
    from {{ ref('fct_lda_mha_spells', v=1) }}
),

ccg21 as (
    {{ union_existing(['int_lda_mha__spell_ccg21'], [
        ('uniq_month_id', 'bigint'),
        ('hospital_spell_id', dbt.type_string()),
        ('ccg21_ods_code', dbt.type_string())]) }}
)

select
    'National' as geography,  -- noqa: RF04
    'England' as org_code,
    {{ columns | join(',\n    ') }}
from spells

union all

select
    'Provider' as geography,  -- noqa: RF04
    coalesce(provider_code, 'UNKNOWN') as org_code,
    {{ columns | join(',\n    ') }}
from spells

union all

select
    'CCG21' as geography,  -- noqa: RF04
    coalesce(ccg21.ccg21_ods_code, 'UNKNOWN') as org_code,
    spells.{{ columns | join(',\n    spells.') }}
from spells
inner join ccg21
    on spells.uniq_month_id = ccg21.uniq_month_id and spells.hospital_spell_id = ccg21.hospital_spell_id
