-- The published-number rule (macro parse_published_number) against hand-worked cases: returns the
-- cases that come out wrong (value or status).
with cases as (
    select
        cases_table.published,
        cases_table.expected_value,
        cases_table.expected_status
    from (
        values
        ('£297,439', 297439.0, 'number'),
        ('1,234', 1234.0, 'number'),
        (' 1,234,567.5 ', 1234567.5, 'number'),
        ('-£12.50', -12.5, 'number'),
        ('42', 42.0, 'number'),
        ('0.25', 0.25, 'number'),
        ('1e-05', 0.00001, 'number'),
        ('*', null, 'suppressed'),
        ('', null, 'blank'),
        ('   ', null, 'blank'),
        (null, null, 'blank'),
        ('#DIV/0!', null, 'not_computable'),
        ('#N/A', null, 'not_computable'),
        ('-', null, 'not_computable'),
        ('NULL', null, 'not_computable'),
        ('NaN', null, 'not_computable'),
        ('Infinity', null, 'not_computable'),
        ('N/A', null, 'not_computable'),
        ('..', null, 'not_computable'),
        ('1,23', null, 'not_computable'),
        ('12d', null, 'not_computable')
    ) as cases_table (published, expected_value, expected_status)
)

select
    published,
    {{ parse_published_number('published') }} as parsed_value,
    {{ parse_published_number('published', 'status') }} as parsed_status
from cases
where
    not coalesce({{ parse_published_number('published') }} = expected_value, expected_value is null)
    or ({{ parse_published_number('published') }} is null) != (expected_value is null)
    or {{ parse_published_number('published', 'status') }} != expected_status
