-- Version 1: NHS Digital's production logic. Rules: macros/lda_mha.sql; documentation: _lda_mha__models.yml.
{{ lda_mha_spells(version=1) }}
