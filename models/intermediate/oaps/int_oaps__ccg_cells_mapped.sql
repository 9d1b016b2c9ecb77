{{ config(tags=['reference']) }}
-- Grain: one OAP CCG cell (int_oaps__ccg_cells) x the CCG21 it maps to (a cell whose code maps to
-- several CCG21s repeats with the weights; an unmapped cell appears once with unmatched_reason).
-- The vintage of each code is taken from the end of the cell's period (map_to_ccg21): a three-month
-- window is published by the areas of its last month.
{{ map_to_ccg21(ref('int_oaps__ccg_cells'), 'ccg_code', period_column='period_end') }}
