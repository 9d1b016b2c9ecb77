{{ config(tags=['export']) }}
-- Grain: CCG21 x indicator x period: every domain's int_<domain>__ccg_indicators in one long table
-- (interface section 6). A domain whose landing topic is absent is left out, never a failure.
-- A domain adds its model's name to the list below (one-line edit).
{{ union_existing([
    'int_oaps__ccg_indicators',
    'int_mhsds__ccg_indicators',
    'int_population__ccg_indicators',
    'int_cmhs__ccg_indicators',
    'int_restraint__ccg_indicators',
    'int_restraint__data_map_ccg_indicators',
    'int_ethnicity__ccg_indicators',
    'int_iapt__ccg_indicators',
], [
    ('ccg21_ons_code', dbt.type_string()),
    ('indicator_id', dbt.type_string()),
    ('period_start', 'date'),
    ('period_end', 'date'),
    ('value', 'double'),
    ('numerator', 'double'),
    ('denominator', 'double'),
    ('is_suppressed', 'boolean'),
    ('is_not_computable', 'boolean'),
    ('source', dbt.type_string()),
]) }}
