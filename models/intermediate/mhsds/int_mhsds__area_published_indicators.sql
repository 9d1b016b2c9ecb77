{{ config(tags=['reference']) }}
-- Grain: geography level (icb, sub_icb, england) x area x MHSDS indicator x reporting period: the
-- counts that MHSDS publishes for an ICB ("ICB of GP Practice or Residence"), for a July 2022 Sub-ICB
-- location (the Sub ICB breakdown from July 2022) or for England, as published (latest status).
-- They reach fct_area_indicators without passing through CCG21. Codes that are not a known ICB or
-- Sub-ICB location (e.g. UNKNOWN) are kept once with unmatched_reason and no area (listed in
-- audit_unmatched_codes; the model is in mapped_models(), so rows in = matched + unmatched is tested).
with cells as (
    select
        case
            when attribution = 'icb' then 'icb'
            when attribution = 'england' then 'england'
            else 'sub_icb'
        end as geography_level,
        area_code,
        measure_id,
        reporting_period_start,
        reporting_period_end,
        measure_value,
        is_suppressed,
        is_not_computable
    from {{ ref('int_mhsds__area_cells') }}
    where
        attribution in ('icb', 'england')
        or (
            attribution = 'residence'
            and lower(breakdown) like 'sub icb%'
            and reporting_period_start >= date '2022-07-01'
        )
),

sub_icb as (
    select
        sub_icb_ons_code,
        sub_icb_ods_code
    from {{ ref('int_geography__sub_icb_locations') }}
),

icbs as (
    select
        icb_ons_code,
        icb_ods_code
    from {{ ref('int_geography__icbs') }}
),

located as (
    select
        cells.geography_level,
        cells.area_code as source_code,
        case cells.geography_level
            when 'england' then 'E92000001'
            when 'icb' then coalesce(icb_by_ods.icb_ons_code, icb_by_ons.icb_ons_code)
            else coalesce(sub_icb_by_ods.sub_icb_ons_code, sub_icb_by_ons.sub_icb_ons_code)
        end as area_ons_code,
        cells.measure_id,
        cells.reporting_period_start,
        cells.reporting_period_end,
        cells.measure_value,
        cells.is_suppressed,
        cells.is_not_computable
    from cells
    left join icbs as icb_by_ods on cells.geography_level = 'icb' and cells.area_code = icb_by_ods.icb_ods_code
    left join icbs as icb_by_ons on cells.geography_level = 'icb' and cells.area_code = icb_by_ons.icb_ons_code
    left join sub_icb as sub_icb_by_ods
        on cells.geography_level = 'sub_icb' and cells.area_code = sub_icb_by_ods.sub_icb_ods_code
    left join sub_icb as sub_icb_by_ons
        on cells.geography_level = 'sub_icb' and cells.area_code = sub_icb_by_ons.sub_icb_ons_code
)

select
    row_number() over (
        order by geography_level, source_code, measure_id, reporting_period_start, reporting_period_end
    ) as map_row_id,
    geography_level,
    area_ons_code,
    source_code,
    'mhsds_' || lower(measure_id) as indicator_id,
    reporting_period_start as period_start,
    reporting_period_end as period_end,
    measure_value as value,
    is_suppressed,
    is_not_computable,
    'nhsd_mhsds_monthly' as source,
    case when area_ons_code is null then 'unknown code' end as unmatched_reason
from located
