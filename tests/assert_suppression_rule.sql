-- The suppression macros against hand-worked cases: returns the cases that come out wrong.
with cases as (
    select
        cases_table.n,
        cases_table.d,
        cases_table.expected_count,
        cases_table.expected_rate_percent
    from (
        values
        (0, 100, '*', '*'),
        (1, 100, '*', '*'),
        (4, 100, '*', '*'),
        (5, 100, '5', '5.0'),
        (7, 100, '5', '7.0'),
        (8, 100, '10', '8.0'),
        (12, 4, '10', '*'),
        (13, 40, '15', '32.5'),
        (1234, 5000, '1235', '24.7')
    ) as cases_table (n, d, expected_count, expected_rate_percent)
)

select
    n,
    d,
    {{ suppress_count('n') }} as shown_count,
    {{ suppress_rate('n', 'd', 100) }} as shown_rate
from cases
where
    {{ suppress_count('n') }} != expected_count
    or {{ suppress_rate('n', 'd', 100) }} != expected_rate_percent
