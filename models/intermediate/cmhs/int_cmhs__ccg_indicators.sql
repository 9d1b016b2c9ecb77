{{ config(tags=['reference']) }}
-- Grain: CCG21 x CMHS indicator x survey year (the CCG indicator contract). Two indicator sets:
--   cmhs_<q>_weighted  trust means attributed to CCG21 with the trust->CCG21 activity weights:
--                      sum(mean x respondents x weight) / sum(respondents x weight);
--   cmhs_<q>_data_map  the data map's method: unweighted mean over the trusts whose single
--                      geographic CCG (ODS postcode lookup) is the CCG21 -- kept for comparison.
-- Survey period: the calendar survey year (fieldwork February-June). A CCG21 value with any
-- contributing trust score or respondent count published as `*` or as a marker is null and flagged
-- (is_suppressed / is_not_computable), never a mean of the other trusts.
with scores as (
    select * from {{ ref('int_cmhs__trust_scores') }}
),

weighted as (
    select
        ccg21_ons_code,
        'cmhs_' || lower(question_id) || '_weighted' as indicator_id,
        survey_year,
        sum(mean_score * respondents * weight) as numerator,
        sum(respondents * weight) as denominator,
        max(case when is_suppressed then 1 else 0 end) = 1 as is_suppressed,
        max(case when is_not_computable then 1 else 0 end) = 1 as is_not_computable
    from {{ ref('int_cmhs__trust_scores_mapped') }}
    where unmatched_reason is null and (respondents > 0 or is_suppressed or is_not_computable)
    group by ccg21_ons_code, question_id, survey_year
),

data_map as (
    select
        geographic.ccg21_ons_code,
        'cmhs_' || lower(scores.question_id) || '_data_map' as indicator_id,
        scores.survey_year,
        avg(scores.mean_score) as mean_score,
        max(case when scores.is_suppressed then 1 else 0 end) = 1 as is_suppressed,
        max(case when scores.is_not_computable then 1 else 0 end) = 1 as is_not_computable
    from scores
    inner join {{ ref('int_geography__trust_geographic_ccg21') }} as geographic
        on scores.trust_code = geographic.provider_code
    where geographic.ccg21_ons_code is not null
    group by geographic.ccg21_ons_code, scores.question_id, scores.survey_year
)

select
    ccg21_ons_code,
    indicator_id,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-01-01' as date) as period_start,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-12-31' as date) as period_end,
    case when not (is_suppressed or is_not_computable) then numerator / denominator end as value,
    case when not (is_suppressed or is_not_computable) then numerator end as numerator,
    case when not (is_suppressed or is_not_computable) then denominator end as denominator,
    is_suppressed,
    is_not_computable,
    'cqc_cmhs_trust_scores' as source
from weighted

union all

select
    ccg21_ons_code,
    indicator_id,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-01-01' as date) as period_start,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-12-31' as date) as period_end,
    case when not (is_suppressed or is_not_computable) then mean_score end as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    is_suppressed,
    is_not_computable,
    'cqc_cmhs_trust_scores' as source
from data_map
