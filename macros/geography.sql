{#- Geography rules, one place each: which CCG vintage a date falls in, and moving rows keyed by a
    CCG / Sub-ICB code of any vintage and form to the CCG21 geography. -#}

{#- CCG vintages run April to March (CCGs changed on 1 April) until 2021; nothing changed in April
    2022, so the 2021 vintage runs to 30 June 2022 and Sub-ICB locations (vintage 2022) start on
    1 July 2022. Dates outside 2013-2022 take the nearest vintage. A period is mapped by its end
    date (a three-month window ending in July 2022 is by Sub-ICB location). -#}
{% macro ccg_vintage_of_date(date_column) -%}
    least(greatest(
        case
            when {{ date_column }} >= cast('2022-07-01' as date) then 2022
            when {{ date_column }} >= cast('2021-04-01' as date) then 2021
            when month({{ date_column }}) >= 4 then year({{ date_column }})
            else year({{ date_column }}) - 1
        end,
        2013), 2022)
{%- endmacro %}

{#- Placeholder codes seen in published data instead of an area. -#}
{% macro placeholder_ccg_codes() -%}
    ('999', 'ENGLAND', 'INVALIDCODE', 'UNKNOWN', 'NONE', 'X99', 'Q99', 'ALL')
{%- endmacro %}

{#- map_to_ccg21(relation, code_column, vintage_column=none, period_column=none)

    Returns a query (use it as a subquery) with every input row and column, plus:
      map_row_id         a number per input row (an input row split between CCG21s repeats it)
      source_code        the code, trimmed and upper case
      source_code_type   'ons' for E38 codes, else 'ods'
      resolved_vintage   the vintage asked for: vintage_column, else the CCG vintage of
                         period_column, else the vintage that matches most of the input's codes
                         (ties: 2021, then the latest) -- recorded in vintage_rule
      vintage_rule       'given' | 'from_period' | 'best_match'
      matched_vintage    the crosswalk vintage used: the resolved one when the code exists there,
                         else the nearest earlier vintage that has it, else the nearest later one
      ccg21_ons_code, ccg21_ods_code, weight, map_method  (from dim_ccg_code_crosswalk)
      unmatched_reason   null when mapped; else 'missing code', 'placeholder code',
                         'commissioning hub (not a CCG)', 'Welsh health board (outside England)'
                         or 'unknown code'

    Counts move to CCG21 as count * weight summed by CCG21 (weights sum to 1 per input row).
    Rates must be rebuilt from mapped numerators and denominators, never averaged.
    mapped + unmatched = input: count(distinct map_row_id) equals the input's row count. -#}
{% macro map_to_ccg21(relation, code_column, vintage_column=none, period_column=none) -%}
{%- set source_code = clean_code(code_column) -%}
{%- set source_code_type -%}
    case when {{ regex_full_match(clean_code(code_column), 'E38[0-9]{6}') }} then 'ons' else 'ods' end
{%- endset -%}
{%- if vintage_column -%}
    {%- set requested_vintage, vintage_rule = 'cast(' ~ vintage_column ~ ' as integer)', 'given' -%}
{%- elif period_column -%}
    {%- set requested_vintage, vintage_rule = ccg_vintage_of_date(period_column), 'from_period' -%}
{%- else -%}
    {%- set requested_vintage, vintage_rule = 'cast(null as integer)', 'best_match' -%}
{%- endif -%}
{#- the input's distinct codes and requested vintages are read apart from its rows: every CTE that holds
    input rows is used once (DuckDB materialises a CTE used twice: a copy of every row) -#}
with mtc_codes as (
    select distinct
        {{ source_code }} as source_code,
        {{ source_code_type }} as source_code_type,
        {{ requested_vintage }} as requested_vintage
    from {{ relation }} as mtc_source
),

mtc_crosswalk as (
    select
        source_code,
        source_code_type,
        source_vintage,
        ccg21_ons_code,
        ccg21_ods_code,
        weight,
        method
    from {{ ref('dim_ccg_code_crosswalk') }}
),

mtc_vintage_match as (
    select
        known.source_vintage,
        count(distinct codes.source_code) as matched_codes
    from (select distinct source_code, source_code_type from mtc_codes) as codes
    inner join (select distinct source_code, source_code_type, source_vintage from mtc_crosswalk) as known
        on codes.source_code = known.source_code and codes.source_code_type = known.source_code_type
    group by known.source_vintage
),

mtc_best_vintage as (
    select source_vintage as best_vintage
    from mtc_vintage_match
    -- ties: the canonical 2021 vintage first (ODS codes of 2021 and July 2022 coincide), then the latest
    order by matched_codes desc, case when source_vintage = 2021 then 0 else 1 end, source_vintage desc
    limit 1
),

mtc_resolved as (
    select
        mtc_source.*,
        row_number() over (order by {{ code_column }}) as map_row_id,
        {{ source_code }} as source_code,
        {{ source_code_type }} as source_code_type,
        {{ requested_vintage }} as requested_vintage,
        '{{ vintage_rule }}' as vintage_rule,
        coalesce({{ requested_vintage }}, (select best_vintage from mtc_best_vintage)) as resolved_vintage
    from {{ relation }} as mtc_source
),

-- the crosswalk rows a code takes at a vintage: ranked once per distinct code and vintage, not per input row
mtc_keys as (
    select distinct
        source_code,
        source_code_type,
        coalesce(requested_vintage, (select best_vintage from mtc_best_vintage)) as resolved_vintage
    from mtc_codes
),

mtc_candidates as (
    select
        mtc_keys.source_code,
        mtc_keys.source_code_type,
        mtc_keys.resolved_vintage,
        mtc_crosswalk.source_vintage as matched_vintage,
        mtc_crosswalk.ccg21_ons_code,
        mtc_crosswalk.ccg21_ods_code,
        mtc_crosswalk.weight,
        mtc_crosswalk.method as map_method,
        dense_rank() over (
            partition by mtc_keys.source_code, mtc_keys.source_code_type, mtc_keys.resolved_vintage
            order by
                case
                    when mtc_crosswalk.source_vintage <= mtc_keys.resolved_vintage
                        then mtc_keys.resolved_vintage - mtc_crosswalk.source_vintage
                    else 100 + mtc_crosswalk.source_vintage - mtc_keys.resolved_vintage
                end
        ) as vintage_rank
    from mtc_keys
    inner join mtc_crosswalk
        on
            mtc_keys.source_code = mtc_crosswalk.source_code
            and mtc_keys.source_code_type = mtc_crosswalk.source_code_type
),

mtc_hubs as (
    select distinct org_code
    from {{ ref('stg_ods__eccg') }}
    where upper(org_name) like '%COMMISSIONING HUB%'
)

select
    mtc_resolved.*,
    mtc_candidates.matched_vintage,
    mtc_candidates.ccg21_ons_code,
    mtc_candidates.ccg21_ods_code,
    mtc_candidates.weight,
    mtc_candidates.map_method,
    case
        when mtc_candidates.source_code is not null then null
        when mtc_resolved.source_code is null then 'missing code'
        when mtc_resolved.source_code in {{ placeholder_ccg_codes() }} then 'placeholder code'
        when mtc_hubs.org_code is not null then 'commissioning hub (not a CCG)'
        when {{ regex_full_match('mtc_resolved.source_code', '7A[0-9]|W11[0-9]{6}') }} then 'Welsh health board (outside England)'
        else 'unknown code'
    end as unmatched_reason
from mtc_resolved
left join mtc_candidates
    on
        mtc_resolved.source_code = mtc_candidates.source_code
        and mtc_resolved.source_code_type = mtc_candidates.source_code_type
        and mtc_resolved.resolved_vintage is not distinct from mtc_candidates.resolved_vintage
        and mtc_candidates.vintage_rank = 1
left join mtc_hubs
    on mtc_resolved.source_code = mtc_hubs.org_code
{%- endmacro %}

{#- map_provider_to_ccg21(relation, code_column, order_by, where='1 = 1')

    The provider (NHS trust) counterpart of map_to_ccg21: every input row and column, shared out to
    CCG21 with the trust activity weights (int_geography__trust_ccg_weights), plus the same mapping columns:
      map_row_id       a number per input row (ordered by `order_by`; repeated per CCG21 share)
      source_code      the provider code, trimmed and upper case
      ccg21_ons_code, ccg21_ods_code, weight, map_method (the weight method)
      unmatched_reason null when mapped; else 'missing code' or
                       'provider without CCG21 activity weights' (listed in audit_unmatched_codes)
    `where` restricts the input rows. mapped + unmatched = input, as for map_to_ccg21. -#}
{% macro map_provider_to_ccg21(relation, code_column, order_by, where='1 = 1') -%}
with mpc_input as (
    select
        mpc_source.*,
        row_number() over (order by {{ order_by }}) as map_row_id,
        {{ clean_code(code_column) }} as source_code
    from {{ relation }} as mpc_source
    where {{ where }}
)

select
    mpc_input.*,
    mpc_weights.ccg21_ons_code,
    mpc_weights.ccg21_ods_code,
    mpc_weights.weight,
    mpc_weights.method as map_method,
    case
        when mpc_weights.provider_code is not null then null
        when mpc_input.source_code is null then 'missing code'
        else 'provider without CCG21 activity weights'
    end as unmatched_reason
from mpc_input
left join {{ ref('int_geography__trust_ccg_weights') }} as mpc_weights
    on mpc_input.source_code = mpc_weights.provider_code
{%- endmacro %}

{#- Every model that moves rows to CCG21 (map_to_ccg21 or map_provider_to_ccg21), with the model
    and filter its input rows come from, and whether its rows are record-level data (their counts
    are published only by the small-number rule): the one list audit_unmatched_codes and
    audit_mapping_reconciliation read. A new mapped model is added here (one line). -#}
{% macro mapped_models() -%}
    {{ return([
        {'model': 'int_geography__trust_commissioner_pairs_mapped', 'input': 'stg_nhsd__iapt_trust_ccg_pairs'},
        {'model': 'int_geography__trust_geographic_ccg21', 'input': 'stg_ods__trust_geographic_ccg'},
        {'model': 'int_oaps__ccg_cells_mapped', 'input': 'int_oaps__ccg_cells'},
        {'model': 'int_mhsds__residence_cells_mapped', 'input': 'int_mhsds__area_cells',
         'filter': "attribution = 'residence'"},
        {'model': 'int_mhsds__provider_cells_mapped', 'input': 'int_mhsds__area_cells',
         'filter': "attribution = 'provider'"},
        {'model': 'int_mhsds__area_published_indicators', 'input': 'int_mhsds__area_cells',
         'filter': "attribution in ('icb', 'england') or (attribution = 'residence'"
            ~ " and lower(breakdown) like 'sub icb%' and reporting_period_start >= date '2022-07-01')"},
        {'model': 'int_restraint__provider_cells_mapped', 'input': 'int_restraint__provider_cells'},
        {'model': 'int_restraint__data_map_rates_mapped', 'input': 'int_restraint__data_map_rates'},
        {'model': 'int_cmhs__trust_scores_mapped', 'input': 'int_cmhs__trust_scores'},
        {'model': 'int_population__ccg_cells_mapped', 'input': 'int_population__ccg_cells'},
        {'model': 'int_ethnicity__ccg_cells_mapped', 'input': 'stg_ons__lad_ethnicity'},
        {'model': 'int_lda_mha__spell_ccg21', 'input': 'int_lda_mha__spells', 'record_level': true},
        {'model': 'int_iapt__referrals_ccg21', 'input': 'fct_iapt_referral_outcomes', 'record_level': true},
    ]) }}
{%- endmacro %}

{#- One row per mapped model that exists: its input rows, the input rows mapped to CCG21 and those
    left unmatched (distinct map_row_id), and the unmatched rows listed in audit_unmatched_codes. -#}
{% macro mapping_reconciliation() -%}
    {%- set parts = [] -%}
    {%- for entry in mapped_models() -%}
        {%- set mapped = ref(entry['model']) -%}
        {%- set input = ref(entry['input']) -%}
        {%- if execute and load_relation(mapped) is not none and load_relation(input) is not none -%}
            {%- do parts.append((entry, mapped, input)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if parts | length == 0 -%}
        select
            cast(null as {{ dbt.type_string() }}) as mapped_model,
            cast(null as {{ dbt.type_string() }}) as input_model,
            cast(null as {{ dbt.type_string() }}) as input_filter,
            cast(null as boolean) as is_record_level,
            cast(null as bigint) as input_rows,
            cast(null as bigint) as mapped_rows,
            cast(null as bigint) as unmatched_rows
        where 1 = 0
    {%- else -%}
        {%- for entry, mapped, input in parts %}
            select
                '{{ entry["model"] }}' as mapped_model,
                '{{ entry["input"] }}' as input_model,
                {{ "'" ~ entry["filter"] | replace("'", "") ~ "'" if entry.get("filter") else "cast(null as " ~ dbt.type_string() ~ ")" }} as input_filter,
                {{ "true" if entry.get("record_level") else "false" }} as is_record_level,
                (select count(*) from {{ input }} where {{ entry.get("filter", "1 = 1") }}) as input_rows,
                (select count(distinct map_row_id) from {{ mapped }} where unmatched_reason is null) as mapped_rows,
                (select count(distinct map_row_id) from {{ mapped }} where unmatched_reason is not null)
                    as unmatched_rows
            {{ "union all" if not loop.last }}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{#- Rows of mapped models that could not be mapped, for audit_unmatched_codes: one row per
    model x code x reason with the number of input rows. -#}
{% macro unmatched_rows(model_names) -%}
    {%- set parts = [] -%}
    {%- for name in model_names -%}
        {%- set relation = ref(name) -%}
        {%- if execute and load_relation(relation) is not none -%}
            {%- do parts.append((name, relation)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if parts | length == 0 -%}
        select
            cast(null as {{ dbt.type_string() }}) as source_model,
            cast(null as {{ dbt.type_string() }}) as source_code,
            cast(null as bigint) as row_count,
            cast(null as {{ dbt.type_string() }}) as reason
        where 1 = 0
    {%- else -%}
        {%- for name, relation in parts %}
            select
                '{{ name }}' as source_model,
                source_code,
                count(distinct map_row_id) as row_count,
                unmatched_reason as reason
            from {{ relation }}
            where unmatched_reason is not null
            group by source_code, unmatched_reason
            {{ "union all" if not loop.last }}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
