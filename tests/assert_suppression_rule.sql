-- The suppression macros against hand-worked cases: returns the cases that come out wrong. Counts
-- under 5 are null, others rounded to the nearest 5; a rate is that of the rounded counts (whole
-- percent by default), null when either count is under 5.
with cases as (
    select
        cases_table.n,
        cases_table.d,
        cases_table.expected_count,
        cases_table.expected_percent,
        cases_table.expected_is_suppressed
    from (
        values
        (0, 100, null, null, true),
        (1, 100, null, null, true),
        (4, 100, null, null, true),
        (5, 100, 5, 5.0, false),
        (7, 100, 5, 5.0, false),
        (8, 100, 10, 10.0, false),
        (12, 4, 10, null, true),
        (13, 40, 15, 38.0, false),
        (17, 23, 15, 60.0, false),
        (1234, 5000, 1235, 25.0, false)
    ) as cases_table (n, d, expected_count, expected_percent, expected_is_suppressed)
)

select
    n,
    d,
    {{ suppress_count('n') }} as shown_count,
    {{ suppress_rate('n', 'd', 100) }} as shown_percent,
    {{ is_suppressed(['n', 'd']) }} as shown_is_suppressed
from cases
where
    {{ suppress_count('n') }} is distinct from expected_count
    or {{ suppress_rate('n', 'd', 100) }} is distinct from expected_percent
    or {{ is_suppressed(['n', 'd']) }} != expected_is_suppressed
