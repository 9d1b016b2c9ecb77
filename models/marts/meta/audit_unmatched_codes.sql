-- Grain: one mapped model x input code x reason that could not be moved to CCG21, with the number
-- of input rows. Every model that maps codes (macro mapped_models) is listed: nothing is dropped
-- silently.
{{ unmatched_rows(mapped_models() | map(attribute='model') | list) }}
