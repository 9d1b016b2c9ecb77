-- Each spell-month of fct_lda_mha_spells (v1) once per geography it is counted in: National
-- (org_code England), Provider (org_code = provider ODS code).
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
