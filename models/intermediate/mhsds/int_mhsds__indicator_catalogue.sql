-- Grain: one MHSDS indicator derived from the published measures (by area of residence: CCG,
-- Sub-ICB, ICB or England; or provider-attributed), with the metadata columns of the indicator
-- seeds. Feeds dim_indicators for measures that the seed mhsds_indicators does not describe.
with cells as (
    select
        case when attribution = 'provider' then 'provider' else 'area' end as attribution,
        measure_id,
        measure_name
    from {{ ref('int_mhsds__area_cells') }}
),

measures as (
    select
        attribution,
        measure_id,
        max(measure_name) as measure_name
    from cells
    group by attribution, measure_id
)

select
    'mhsds_' || lower(measure_id) || case when attribution = 'provider' then '_by_provider' else '' end
        as indicator_id,
    measure_name || case
        when attribution = 'provider' then ' (provider counts attributed by trust activity weights)'
        else ''
    end as indicator_name,
    'count' as unit,
    'nhsd_mhsds_monthly' as source,
    'neutral' as polarity,
    'Latest month published (latest status)' as period_description,
    cast(null as {{ dbt.type_string() }}) as profile_column
from measures
