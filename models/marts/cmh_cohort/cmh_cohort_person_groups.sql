{#- Each cohort person's group of service use at the chosen number of groups (a fixed public
    interface: person_id, group_id). -#}
select
    clusters.person_id,
    clusters.group_id
from {{ ref('int_cmh_cohort__sequence_clusters') }} as clusters
inner join {{ ref('cmh_cohort_group_selection') }} as selection
    on clusters.k = selection.k
where selection.is_chosen
