{{ config(tags=['reference']) }}
-- Grain: one population cell (int_population__ccg_cells) x the CCG21 it maps to; the ONS code is
-- read in the vintage of the estimate year. Unmapped cells once, with unmatched_reason.
{{ map_to_ccg21(ref('int_population__ccg_cells'), 'area_code', vintage_column='estimate_year') }}
