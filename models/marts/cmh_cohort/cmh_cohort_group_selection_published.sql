{{ config(tags=['export', 'python']) }}
{#- The choice of the number of groups for publication and its plot: cmh_cohort_group_selection
    without its counts of people (quality measures only). -#}
select
    k,
    silhouette,
    kmeans_agreement_ari,
    is_chosen
from {{ ref('cmh_cohort_group_selection') }}
