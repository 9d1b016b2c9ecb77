-- IAPT recovery rate by IMD decile (1 = most deprived) with the Wilson 95% interval, all referrals
-- that finished treatment at caseness (suppressed segments keep their '*').
select
    imd_decile,
    finished_at_caseness,
    recovered,
    recovery_rate_pct,
    recovery_rate_ci_low_pct,
    recovery_rate_ci_high_pct,
    is_suppressed
from {{ ref('fct_iapt_recovery_segments') }}
where breakdown = 'imd_decile'
order by try_cast(imd_decile as integer) nulls last, imd_decile
