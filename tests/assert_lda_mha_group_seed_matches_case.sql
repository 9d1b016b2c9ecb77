-- The seed's mha_group column and the CASE macro agree for every code (without a concurrent
-- order), and the seed's override flag agrees with the CASE's first branch.
select
    codes.legal_status_code,
    codes.mha_group,
    {{ lda_mha_group('codes.legal_status_code', 'false') }} as case_group,
    {{ lda_mha_group('codes.legal_status_code', 'true') }} as case_group_with_order
from {{ ref('lda_mha_legal_status_codes') }} as codes
where
    codes.mha_group <> {{ lda_mha_group('codes.legal_status_code', 'false') }}
    or (
        codes.is_overridden_by_concurrent_order
        and {{ lda_mha_group('codes.legal_status_code', 'true') }} <> 'Informal'
    )
    or (
        not codes.is_overridden_by_concurrent_order
        and {{ lda_mha_group('codes.legal_status_code', 'true') }} <> codes.mha_group
    )
