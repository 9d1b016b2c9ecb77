-- Grain: one CCG ODS code (any vintage 2013-2021) with the CCG21 code its successor chain ends at.
-- The chain is followed up to six steps (the longest real chain 2013-2021 is two); a code that was
-- split between several successors is not followed (no real CCG was split at code level): it stays
-- unresolved with a reason, for a manual mapping.
with codes as (
    select distinct ccg_ods_code as start_code
    from {{ ref('int_geography__ccg_codes_by_vintage') }}
    where area_kind = 'ccg'
),

ccg21 as (
    select distinct ccg_ods_code
    from {{ ref('int_geography__ccg_codes_by_vintage') }}
    where area_kind = 'ccg' and vintage = 2021
),

edges as (
    select
        predecessor_code,
        successor_code,
        is_merger
    from {{ ref('int_geography__ccg_successor_edges') }}
    where n_successors = 1
),

split_codes as (
    select distinct predecessor_code
    from {{ ref('int_geography__ccg_successor_edges') }}
    where n_successors > 1
),

walk as (
    select
        codes.start_code,
        step1.successor_code as code1,
        step2.successor_code as code2,
        step3.successor_code as code3,
        step4.successor_code as code4,
        step5.successor_code as code5,
        step6.successor_code as code6,
        coalesce(step1.is_merger, false) or coalesce(step2.is_merger, false) or coalesce(step3.is_merger, false)
        or coalesce(step4.is_merger, false) or coalesce(step5.is_merger, false)
        or coalesce(step6.is_merger, false) as has_merger,
        step7.successor_code is not null as is_longer
    from codes
    left join edges as step1 on codes.start_code = step1.predecessor_code
    left join edges as step2 on step1.successor_code = step2.predecessor_code
    left join edges as step3 on step2.successor_code = step3.predecessor_code
    left join edges as step4 on step3.successor_code = step4.predecessor_code
    left join edges as step5 on step4.successor_code = step5.predecessor_code
    left join edges as step6 on step5.successor_code = step6.predecessor_code
    left join edges as step7 on step6.successor_code = step7.predecessor_code
),

ends as (
    select
        start_code,
        coalesce(code6, code5, code4, code3, code2, code1, start_code) as end_code,
        case
            when code6 is not null then 6
            when code5 is not null then 5
            when code4 is not null then 4
            when code3 is not null then 3
            when code2 is not null then 2
            when code1 is not null then 1
            else 0
        end as steps,
        concat_ws(' > ', start_code, code1, code2, code3, code4, code5, code6) as successor_path,
        has_merger,
        is_longer
    from walk
)

select
    ends.start_code as ccg_ods_code,
    case when ccg21.ccg_ods_code is not null and not ends.is_longer then ends.end_code end as ccg21_ods_code,
    ends.steps,
    ends.successor_path,
    ends.has_merger,
    ccg21.ccg_ods_code is not null and not ends.is_longer as is_resolved,
    case
        when ends.is_longer then 'successor chain longer than six steps'
        when split_codes.predecessor_code is not null then 'split between several successors: needs a manual mapping'
        when ccg21.ccg_ods_code is null then 'chain ends at a code that is not a CCG in April 2021'
    end as unresolved_reason
from ends
left join ccg21 on ends.end_code = ccg21.ccg_ods_code
left join split_codes on ends.end_code = split_codes.predecessor_code
