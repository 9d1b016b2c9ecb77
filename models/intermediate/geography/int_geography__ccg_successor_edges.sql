-- Grain: one predecessor -> successor CCG code pair that took effect between 2 April 2013 and
-- 1 April 2021 (so chains stop at the CCG21 vintage). From the ODS succ file, filtered to codes that
-- were CCGs on both ends, and the NHS England dashboard's April 2021 merger list.
with ccg_codes as (
    select distinct ccg_ods_code
    from {{ ref('int_geography__ccg_codes_by_vintage') }}
    where area_kind = 'ccg'
),

ods as (
    select
        succ.predecessor_code,
        succ.successor_code,
        succ.effective_date,
        'ods_succ' as evidence
    from {{ ref('stg_ods__succ') }} as succ
    inner join ccg_codes as predecessor on succ.predecessor_code = predecessor.ccg_ods_code
    inner join ccg_codes as successor on succ.successor_code = successor.ccg_ods_code
    where
        succ.effective_date > cast('2013-04-01' as date)
        and succ.effective_date <= cast('2021-04-01' as date)
        and succ.predecessor_code != succ.successor_code
),

dashboard as (
    select
        ccg_ods_code as predecessor_code,
        successor_ods_code as successor_code,
        cast('2021-04-01' as date) as effective_date,
        'nhse_dashboard' as evidence
    from {{ ref('stg_nhse__dashboard_ccg_mergers') }}
    where ccg_ods_code != successor_ods_code
),

edges as (
    select
        predecessor_code,
        successor_code,
        min(effective_date) as effective_date,
        min(evidence) as evidence,
        count(distinct evidence) as n_evidence
    from (
        select
            ods.predecessor_code,
            ods.successor_code,
            ods.effective_date,
            ods.evidence
        from ods
        union all
        select
            dashboard.predecessor_code,
            dashboard.successor_code,
            dashboard.effective_date,
            dashboard.evidence
        from dashboard
    ) as all_edges
    group by predecessor_code, successor_code
)

select
    predecessor_code,
    successor_code,
    effective_date,
    case when n_evidence > 1 then 'ods_succ_and_nhse_dashboard' else evidence end as evidence,
    count(*) over (partition by successor_code, effective_date) as n_predecessors,
    count(*) over (partition by predecessor_code) as n_successors,
    count(*) over (partition by successor_code, effective_date) > 1 as is_merger
from edges
