-- Grain: one source area code (a CCG21 or a July 2022 Sub-ICB location, in ODS and ONS form) x
-- target area (Sub-ICB location or ICB of July 2022). weight = the share of the source area's counts
-- that belongs to the target: population shares for CCG21s whose boundaries moved in July 2022
-- (method split_by_population), 1 otherwise (identity: same area; contained: the ICB holding it).
-- Weights sum to 1 per source code, code type and target level.
with sub_icb as (
    select
        sub_icb_ons_code,
        sub_icb_ods_code,
        icb_ons_code
    from {{ ref('dim_sub_icb_locations') }}
),

ccgs as (
    select
        ccg21_ods_code,
        ccg21_ons_code
    from {{ ref('dim_ccgs') }}
),

ccg21_to_sub_icb as (
    select
        ccgs.ccg21_ons_code,
        ccgs.ccg21_ods_code,
        weights.sub_icb_ons_code,
        weights.weight,
        weights.n_sub_icb
    from {{ ref('int_geography__ccg21_sub_icb_weights') }} as weights
    inner join ccgs on weights.ccg21_ods_code = ccgs.ccg21_ods_code
),

rows_by_area as (
    -- CCG21 -> Sub-ICB location
    select
        'ccg21' as source_level,
        ccg21_to_sub_icb.ccg21_ons_code as source_ons_code,
        ccg21_to_sub_icb.ccg21_ods_code as source_ods_code,
        'sub_icb' as target_level,
        ccg21_to_sub_icb.sub_icb_ons_code as target_ons_code,
        ccg21_to_sub_icb.weight,
        case
            when ccg21_to_sub_icb.n_sub_icb = 1 and ccg21_to_sub_icb.weight = 1 then 'identity'
            else 'split_by_population'
        end as method
    from ccg21_to_sub_icb
    union all
    -- CCG21 -> ICB (the ICBs of its Sub-ICB locations)
    select
        'ccg21' as source_level,
        ccg21_to_sub_icb.ccg21_ons_code as source_ons_code,
        ccg21_to_sub_icb.ccg21_ods_code as source_ods_code,
        'icb' as target_level,
        sub_icb.icb_ons_code as target_ons_code,
        sum(ccg21_to_sub_icb.weight) as weight,
        case when min(ccg21_to_sub_icb.weight) = 1 then 'contained' else 'split_by_population' end as method
    from ccg21_to_sub_icb
    inner join sub_icb on ccg21_to_sub_icb.sub_icb_ons_code = sub_icb.sub_icb_ons_code
    group by ccg21_to_sub_icb.ccg21_ons_code, ccg21_to_sub_icb.ccg21_ods_code, sub_icb.icb_ons_code
    union all
    -- Sub-ICB location -> itself and -> its ICB
    select
        'sub_icb' as source_level,
        sub_icb_ons_code as source_ons_code,
        sub_icb_ods_code as source_ods_code,
        'sub_icb' as target_level,
        sub_icb_ons_code as target_ons_code,
        1.0 as weight,
        'identity' as method
    from sub_icb
    union all
    select
        'sub_icb' as source_level,
        sub_icb_ons_code as source_ons_code,
        sub_icb_ods_code as source_ods_code,
        'icb' as target_level,
        icb_ons_code as target_ons_code,
        1.0 as weight,
        'contained' as method
    from sub_icb
),

both_forms as (
    select
        source_level,
        source_ons_code as source_code,
        'ons' as source_code_type,
        target_level,
        target_ons_code,
        weight,
        method
    from rows_by_area
    union all
    select
        source_level,
        source_ods_code as source_code,
        'ods' as source_code_type,
        target_level,
        target_ons_code,
        weight,
        method
    from rows_by_area
)

select
    cast(source_level as {{ dbt.type_string() }}) as source_level,
    cast(source_code as {{ dbt.type_string() }}) as source_code,
    cast(source_code_type as {{ dbt.type_string() }}) as source_code_type,
    cast(target_level as {{ dbt.type_string() }}) as target_level,
    cast(target_ons_code as {{ dbt.type_string() }}) as target_ons_code,
    cast(weight as double) as weight,
    cast(method as {{ dbt.type_string() }}) as method
from both_forms
