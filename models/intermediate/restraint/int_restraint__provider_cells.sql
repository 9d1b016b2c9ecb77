-- Grain: provider x reporting period x restrictive-intervention category x ethnic group, from the
-- published restrictive-interventions CSV (latest status of the period): interventions counted and
-- bed days of the same group (breakdown 'Provider; Ethnic group', the group at level two).
-- Categories: physical (types 01, 07-13), mechanical (04), seclusion (05), segregation (06),
-- chemical (14-17), all. A category containing a `*` count is suppressed; one containing a marker
-- such as `#DIV/0!` or `-` is not computable (never a partial sum).
with latest as (
    select
        *,
        max({{ publication_status_rank('publication_status') }})
            over (partition by reporting_period_start, reporting_period_end)
            as latest_rank
    from {{ ref('stg_nhsd__mhsds_restrictive_interventions') }}
),

cells as (
    select
        reporting_period_start,
        reporting_period_end,
        breakdown,
        level_one,
        level_two,
        level_two_description,
        level_three_description,
        metric,
        metric_value,
        is_suppressed,
        is_not_computable
    from latest
    where {{ publication_status_rank('publication_status') }} = latest_rank
),

counts as (
    select
        reporting_period_start,
        reporting_period_end,
        level_one as provider_code,
        level_three_description as ethnic_group,
        metric_value,
        is_suppressed,
        is_not_computable,
        case
            when level_two in ('01', '07', '08', '09', '10', '11', '12', '13') then 'physical'
            when level_two = '04' then 'mechanical'
            when level_two = '05' then 'seclusion'
            when level_two = '06' then 'segregation'
            when level_two in ('14', '15', '16', '17') then 'chemical'
            else 'other'
        end as intervention_category
    from cells
    where
        metric = 'RI_COUNT'
        and lower(breakdown) = 'provider; restrictive intervention type; ethnic group'
),

by_category as (
    select
        reporting_period_start,
        reporting_period_end,
        provider_code,
        ethnic_group,
        intervention_category,
        sum(metric_value) as interventions,
        max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
        max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable
    from counts
    group by all
    union all
    select
        reporting_period_start,
        reporting_period_end,
        provider_code,
        ethnic_group,
        'all' as intervention_category,
        sum(metric_value) as interventions,
        max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
        max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable
    from counts
    group by all
),

bed_days as (
    select
        reporting_period_start,
        reporting_period_end,
        level_one as provider_code,
        level_two_description as ethnic_group,
        sum(metric_value) as bed_days,
        max(case when is_suppressed then 1 else 0 end) = 1 as bed_days_suppressed,
        max(case when is_not_computable then 1 else 0 end) = 1 as bed_days_not_computable
    from cells
    where metric = 'BED_DAYS' and lower(breakdown) = 'provider; ethnic group'
    group by all
)

select
    by_category.reporting_period_start,
    by_category.reporting_period_end,
    by_category.provider_code,
    by_category.ethnic_group,
    by_category.intervention_category,
    by_category.interventions,
    bed_days.bed_days,
    {{ restraint_ethnic_group_key('by_category.ethnic_group') }} as ethnic_group_key,
    by_category.is_suppressed or coalesce(bed_days.bed_days_suppressed, false) as is_suppressed,
    by_category.is_not_computable or coalesce(bed_days.bed_days_not_computable, false) as is_not_computable
from by_category
left join bed_days
    on
        by_category.reporting_period_start = bed_days.reporting_period_start
        and by_category.provider_code = bed_days.provider_code
        and by_category.ethnic_group = bed_days.ethnic_group
