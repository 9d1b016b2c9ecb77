-- Grain: one mapped model x input code x reason that could not be moved to CCG21, with the number
-- of input rows. Every model that uses map_to_ccg21 is listed here: nothing is dropped silently.
{{ unmatched_rows([
    'int_trust_commissioner_pairs_mapped',
    'int_trust_geographic_ccg21',
    'int_oaps__ccg_cells_mapped',
    'int_mhsds__residence_cells_mapped',
    'int_mhsds__provider_cells_mapped',
    'int_restraint__provider_cells_mapped',
    'int_population__ccg_cells_mapped',
    'int_ethnicity__ccg_cells_mapped',
    'int_lda_mha_spell_ccg21',
    'int_iapt__referrals_ccg21',
]) }}
