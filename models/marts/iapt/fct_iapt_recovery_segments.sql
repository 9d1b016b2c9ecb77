-- Recovery rates (of referrals that finished a course of treatment at caseness) and reliable
-- improvement rates (of every referral that finished a course, as NHS Talking Therapies publishes
-- and as the CCG indicators), by GROUPING SETS over gender, age band, ethnic group, presenting
-- complaint and IMD decile: England ("All" in every dimension), each dimension alone and every pair
-- of dimensions. Suppressed (macro suppress_count; rates and intervals of the rounded counts, whole
-- percentages): exported.
{{ config(tags=['export']) }}
{%- set dims = ['gender', 'age_band', 'ethnic_group', 'presenting_complaint', 'imd_decile'] %}
{%- set sets = ['()'] %}
{%- for dim in dims %}{% do sets.append('(' ~ dim ~ ')') %}{% endfor %}
{%- for i in range(dims | length) %}{% for j in range(i + 1, dims | length) %}
    {%- do sets.append('(' ~ dims[i] ~ ', ' ~ dims[j] ~ ')') %}
{%- endfor %}{% endfor %}
with eligible as (
    select
        gender,
        age_band,
        ethnic_group,
        is_caseness,
        is_recovered,
        is_reliable_improvement,
        referral_received_date,
        discharge_date,
        coalesce(presenting_complaint, 'Not known') as presenting_complaint,
        coalesce(cast(imd_decile as {{ dbt.type_string() }}), 'Not known') as imd_decile
    from {{ ref('fct_iapt_referral_outcomes') }}
    where is_finished_treatment
),

coverage as (
    select
        min(referral_received_date) as period_start,
        max(discharge_date) as period_end
    from eligible
),

grouped as (
    select
        case when grouping(gender) = 1 then 'All' else gender end as gender_value,
        case when grouping(age_band) = 1 then 'All' else age_band end as age_band_value,
        case when grouping(ethnic_group) = 1 then 'All' else ethnic_group end as ethnic_group_value,
        case
            when grouping(presenting_complaint) = 1 then 'All' else presenting_complaint
        end as presenting_complaint_value,
        case when grouping(imd_decile) = 1 then 'All' else imd_decile end as imd_decile_value,
        count(*) as finished,
        sum(case when is_caseness then 1 else 0 end) as finished_at_caseness,
        sum(case when is_recovered then 1 else 0 end) as recovered,
        sum(case when is_reliable_improvement then 1 else 0 end) as reliably_improved
    from eligible
    group by grouping sets ({{ sets | join(', ') }})  -- noqa: PRS
)

select
    (select coverage.period_start from coverage) as period_start,
    (select coverage.period_end from coverage) as period_end,
    gender_value as gender,
    age_band_value as age_band,
    ethnic_group_value as ethnic_group,
    presenting_complaint_value as presenting_complaint,
    imd_decile_value as imd_decile,
    coalesce(
        nullif(
            concat_ws(
                ' x ',
                case when gender_value != 'All' then 'gender' end,
                case when age_band_value != 'All' then 'age_band' end,
                case when ethnic_group_value != 'All' then 'ethnic_group' end,
                case when presenting_complaint_value != 'All' then 'presenting_complaint' end,
                case when imd_decile_value != 'All' then 'imd_decile' end
            ),
            ''
        ),
        'All'
    ) as breakdown,
    {{ suppress_count('finished') }} as finished,
    {{ suppress_count('finished_at_caseness') }} as finished_at_caseness,
    {{ suppress_count('recovered') }} as recovered,
    {{ suppress_count('reliably_improved') }} as reliably_improved,
    {{ suppress_rate('recovered', 'finished_at_caseness', 100) }} as recovery_rate_pct,
    {%- set published_recovered = suppress_count('recovered') %}
    {%- set published_finished = suppress_count('finished_at_caseness') %}
    case
        when recovered >= 5 and finished_at_caseness >= 5
            then round(100 * {{ wilson_bound(published_recovered, published_finished, 'low') }})
    end as recovery_rate_ci_low_pct,
    case
        when recovered >= 5 and finished_at_caseness >= 5
            then round(100 * {{ wilson_bound(published_recovered, published_finished, 'high') }})
    end as recovery_rate_ci_high_pct,
    {{ suppress_rate('reliably_improved', 'finished', 100) }} as reliable_improvement_rate_pct,
    {{ is_suppressed(['finished', 'finished_at_caseness', 'recovered', 'reliably_improved']) }} as is_suppressed
from grouped
