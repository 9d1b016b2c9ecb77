{#- The number of groups: every k tried with its mean silhouette width (Hamming distance, on the
    clustering sample) and the agreement of a k-means cross-check; the k with the highest
    silhouette is chosen (ties: the smaller k). -#}
with per_k as (
    select
        k,
        avg(case when is_in_sample then silhouette_width end) as silhouette,
        sum(case when is_in_sample then 1 else 0 end) as sample_persons,
        count(*) as persons,
        max(kmeans_agreement_ari) as kmeans_agreement_ari
    from {{ ref('int_cmh_cohort__sequence_clusters') }}
    group by k
)

select
    k,
    silhouette,
    sample_persons,
    persons,
    kmeans_agreement_ari,
    row_number() over (order by silhouette desc, k asc) = 1 as is_chosen
from per_k
