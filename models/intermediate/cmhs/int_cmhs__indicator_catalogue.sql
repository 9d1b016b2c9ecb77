-- Grain: one CMHS indicator (question x method) found in the survey data, in the columns of the
-- indicator seeds; dim_indicators takes the ones the seed cmhs_indicators does not describe.
with questions as (
    select distinct question_id from {{ ref('int_cmhs__trust_scores') }}
),

methods as (
    select
        'weighted' as method_key,
        'mean over trusts weighted by respondents x trust activity share' as method_label
    union all
    select
        'data_map' as method_key,
        'unweighted mean over trusts in the CCG by the single-CCG lookup (data map method)' as method_label
)

select
    'cmhs_' || lower(questions.question_id) || '_' || methods.method_key as indicator_id,
    'Community Mental Health Survey ' || questions.question_id || ' mean score (' || methods.method_label || ')'
        as indicator_name,
    'score 0-10' as unit,
    'cqc_cmhs_trust_scores' as source,
    'higher_is_better' as polarity,
    'Latest survey year' as period_description,
    cast(null as {{ dbt.type_string() }}) as profile_column
from questions
cross join methods
