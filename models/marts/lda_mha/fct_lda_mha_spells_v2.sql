-- Version 2: the published guidance text where it differs from production (see the model docs).
{{ lda_mha_spells(version=2) }}
