-- Grain: one CCG (vintages 2013-2021, from 1 April) or Sub-ICB location (vintage 2022, from 1 July)
-- ODS code per vintage, with its ONS code where a published list gives it.
-- Evidence: ONS names-and-codes lists (2019-2021 in the real data), ODS eccg open/close dates
-- (every year; commissioning hubs and Sub-ICB reporting entities are not areas and are left out),
-- and the July 2022 Sub-ICB list (ODS code = the suffix of its name, e.g. '... ICB - 02P').
with vintages as (
    select vintage_list.vintage
    from (
        values (2013), (2014), (2015), (2016), (2017), (2018), (2019), (2020), (2021)
    ) as vintage_list (vintage)
),

ons_lists as (
    select
        vintage,
        ccg_ods_code,
        max(ccg_ons_code) as ccg_ons_code,
        max(ccg_name) as ccg_name
    from {{ ref('stg_ons__ccg_codes') }}
    group by vintage, ccg_ods_code
),

ods_open as (
    select
        vintages.vintage,
        eccg.org_code as ccg_ods_code,
        eccg.org_name
    from {{ ref('stg_ods__eccg') }} as eccg
    cross join vintages
    where
        eccg.open_date <= cast(cast(vintages.vintage as {{ dbt.type_string() }}) || '-04-01' as date)
        and (
            eccg.close_date is null
            or eccg.close_date >= cast(cast(vintages.vintage as {{ dbt.type_string() }}) || '-04-01' as date)
        )
        and upper(eccg.org_name) not like '%COMMISSIONING HUB%'
        and upper(eccg.org_name) not like '%REPORTING ENTITY%'
),

ccgs as (
    select
        coalesce(ons_lists.vintage, ods_open.vintage) as vintage,
        coalesce(ons_lists.ccg_ods_code, ods_open.ccg_ods_code) as ccg_ods_code,
        ons_lists.ccg_ons_code,
        coalesce(ons_lists.ccg_name, ods_open.org_name) as ccg_name,
        'ccg' as area_kind,
        case
            when ons_lists.ccg_ods_code is not null and ods_open.ccg_ods_code is not null then 'ons_list_and_ods'
            when ons_lists.ccg_ods_code is not null then 'ons_list'
            else 'ods'
        end as evidence
    from ons_lists
    full outer join ods_open
        on ons_lists.vintage = ods_open.vintage and ons_lists.ccg_ods_code = ods_open.ccg_ods_code
),

sub_icb as (
    select
        2022 as vintage,
        regexp_extract(area_name, ' - ([0-9A-Z]{3,5})$', 1) as ccg_ods_code,
        area_code as ccg_ons_code,
        area_name as ccg_name,
        'sicbl' as area_kind,
        'ons_list' as evidence
    from {{ ref('stg_ons__sicbl_icb') }}
    where area_type = 'SICBL'
)

select
    vintage,
    ccg_ods_code,
    ccg_ons_code,
    ccg_name,
    area_kind,
    evidence
from ccgs
union all
select
    vintage,
    ccg_ods_code,
    ccg_ons_code,
    ccg_name,
    area_kind,
    evidence
from sub_icb
where ccg_ods_code != ''
