{{ config(tags=['reference']) }}
-- Grain: one residence-based MHSDS cell (CCG or Sub-ICB breakdown of int_mhsds__area_cells) x the
-- CCG21 it maps to; unmapped cells once, with unmatched_reason. Vintage from the reporting period.
{% set residence %}(select * from {{ ref('int_mhsds__area_cells') }} where attribution = 'residence'){% endset %}
{{ map_to_ccg21(residence, 'area_code', period_column='reporting_period_start') }}
