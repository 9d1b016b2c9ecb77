{{ config(tags=['reference']) }}
-- Grain: CCG21 x CMHS indicator x survey year (the CCG indicator contract). Two indicator sets:
--   cmhs_<q>_weighted  trust means attributed to CCG21 with the trust->CCG21 activity weights:
--                      sum(mean x respondents x weight) / sum(respondents x weight);
--   cmhs_<q>_data_map  the data map's method: unweighted mean over the trusts whose single
--                      geographic CCG (ODS postcode lookup) is the CCG21 -- kept for comparison.
-- Survey period: the calendar survey year (fieldwork February-June).
with scores as (
    select * from {{ ref('int_cmhs__trust_scores') }}
),

weighted as (
    select
        ccg21_ons_code,
        'cmhs_' || lower(question_id) || '_weighted' as indicator_id,
        survey_year,
        sum(mean_score * respondents * weight) as numerator,
        sum(respondents * weight) as denominator
    from {{ ref('int_cmhs__trust_scores_mapped') }}
    where unmatched_reason is null and respondents > 0
    group by ccg21_ons_code, question_id, survey_year
),

data_map as (
    select
        geographic.ccg21_ons_code,
        'cmhs_' || lower(scores.question_id) || '_data_map' as indicator_id,
        scores.survey_year,
        avg(scores.mean_score) as mean_score
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
    numerator / denominator as value,
    numerator,
    denominator,
    false as is_suppressed,
    'cqc_cmhs_trust_scores' as source
from weighted

union all

select
    ccg21_ons_code,
    indicator_id,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-01-01' as date) as period_start,
    cast(cast(survey_year as {{ dbt.type_string() }}) || '-12-31' as date) as period_end,
    mean_score as value,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    false as is_suppressed,
    'cqc_cmhs_trust_scores' as source
from data_map
