-- Grain: survey year x NHS trust x question: the trust's mean score joined to its number of
-- respondents (both sheets of the benchmark workbook, joined on trust code and survey year). Blank
-- scores are left out; a score or respondent count published as `*` or as a marker stays, flagged.
select
    scores.survey_year,
    scores.trust_code,
    scores.question_id,
    scores.mean_score,
    respondents.respondents,
    scores.is_suppressed or coalesce(respondents.is_suppressed, false) as is_suppressed,
    scores.is_not_computable or coalesce(respondents.is_not_computable, false) as is_not_computable,
    scores.source_file,
    scores.source_row,
    coalesce(scores.trust_name, respondents.trust_name) as trust_name
from {{ ref('stg_cqc__cmhs_trust_scores') }} as scores
left join {{ ref('stg_cqc__cmhs_trust_respondents') }} as respondents
    on scores.trust_code = respondents.trust_code and scores.survey_year = respondents.survey_year
where scores.mean_score is not null or scores.is_suppressed or scores.is_not_computable
