-- Grain: one known CCG / Sub-ICB code (ODS or ONS form, in one vintage) x target CCG21.
-- Vintages 2013-2021 are CCGs on 1 April (successor chains followed to the CCG21 they ended in:
-- identity, successor or merger, weight 1); vintage 2022 is the July 2022 Sub-ICB locations, whose
-- boundaries moved in places: weights from the LSOAs they share with each CCG21 (identity when a
-- Sub-ICB location is exactly one CCG21, else split_by_population). Weights sum to 1 per source code
-- and vintage. Codes that cannot be resolved are absent here (see int_geography__ccg_successor_chains) unless
-- seeds/geography/ccg_manual_mappings.csv maps them by hand (method 'manual'; it replaces the
-- automatic rows of the same code, form and vintage).
with codes as (
    select
        vintage,
        ccg_ods_code,
        ccg_ons_code,
        area_kind
    from {{ ref('int_geography__ccg_codes_by_vintage') }}
),

ccg21 as (
    select
        ccg_ods_code,
        max(ccg_ons_code) as ccg_ons_code
    from codes
    where area_kind = 'ccg' and vintage = 2021
    group by ccg_ods_code
),

chains as (
    select
        ccg_ods_code,
        ccg21_ods_code,
        steps,
        has_merger
    from {{ ref('int_geography__ccg_successor_chains') }}
    where is_resolved
),

ccg_targets as (
    select
        codes.vintage,
        codes.ccg_ods_code,
        codes.ccg_ons_code,
        chains.ccg21_ods_code,
        cast(1.0 as double) as weight,
        case
            when chains.steps = 0 then 'identity'
            when chains.has_merger then 'merger'
            else 'successor'
        end as method
    from codes
    inner join chains on codes.ccg_ods_code = chains.ccg_ods_code
    where codes.area_kind = 'ccg'
),

sub_icb_weights as (
    select
        sicbl_ons_code,
        ccg21_ods_code,
        weight,
        n_ccg21
    from {{ ref('int_geography__sicbl22_ccg21_weights') }}
),

sub_icb_targets as (
    select
        codes.vintage,
        codes.ccg_ods_code,
        codes.ccg_ons_code,
        coalesce(sub_icb_weights.ccg21_ods_code, codes.ccg_ods_code) as ccg21_ods_code,
        coalesce(sub_icb_weights.weight, 1.0) as weight,
        case
            when
                coalesce(sub_icb_weights.n_ccg21, 1) = 1
                and coalesce(sub_icb_weights.ccg21_ods_code, codes.ccg_ods_code) = codes.ccg_ods_code
                then 'identity'
            else 'split_by_population'
        end as method
    from codes
    left join sub_icb_weights on codes.ccg_ons_code = sub_icb_weights.sicbl_ons_code
    where codes.area_kind = 'sicbl'
),

targets as (
    select
        vintage,
        ccg_ods_code,
        ccg_ons_code,
        ccg21_ods_code,
        weight,
        method
    from ccg_targets
    union all
    select
        vintage,
        ccg_ods_code,
        ccg_ons_code,
        ccg21_ods_code,
        weight,
        method
    from sub_icb_targets
),

both_forms as (
    select
        ccg_ods_code as source_code,
        'ods' as source_code_type,
        vintage as source_vintage,
        ccg21_ods_code,
        weight,
        method
    from targets
    union all
    select
        ccg_ons_code as source_code,
        'ons' as source_code_type,
        vintage as source_vintage,
        ccg21_ods_code,
        weight,
        method
    from targets
    where ccg_ons_code is not null
),

manual as (
    select
        source_code,
        source_code_type,
        source_vintage,
        ccg21_ods_code,
        weight,
        'manual' as method
    from {{ ref('ccg_manual_mappings') }}
),

automatic_and_manual as (
    select
        both_forms.source_code,
        both_forms.source_code_type,
        both_forms.source_vintage,
        both_forms.ccg21_ods_code,
        both_forms.weight,
        both_forms.method
    from both_forms
    left join manual
        on
            both_forms.source_code = manual.source_code
            and both_forms.source_code_type = manual.source_code_type
            and both_forms.source_vintage = manual.source_vintage
    where manual.source_code is null
    union all
    select
        source_code,
        source_code_type,
        source_vintage,
        ccg21_ods_code,
        weight,
        method
    from manual
)

select
    cast(both_forms.source_code as {{ dbt.type_string() }}) as source_code,
    cast(both_forms.source_code_type as {{ dbt.type_string() }}) as source_code_type,
    cast(both_forms.source_vintage as integer) as source_vintage,
    cast(ccg21.ccg_ons_code as {{ dbt.type_string() }}) as ccg21_ons_code,
    cast(both_forms.ccg21_ods_code as {{ dbt.type_string() }}) as ccg21_ods_code,
    cast(sum(both_forms.weight) as double) as weight,
    cast(min(both_forms.method) as {{ dbt.type_string() }}) as method
from automatic_and_manual as both_forms
inner join ccg21 on both_forms.ccg21_ods_code = ccg21.ccg_ods_code
group by
    both_forms.source_code,
    both_forms.source_code_type,
    both_forms.source_vintage,
    ccg21.ccg_ons_code,
    both_forms.ccg21_ods_code
