-- Grain: one provider (trust) x CCG21 with the share of the provider's activity attributed to that
-- CCG21 (weights sum to 1 per provider). One method per provider, the first available of:
--   commissioner_pairs  the CCG21s the provider has published activity with (IAPT provider x
--                       commissioner pairs), weighted by CCG21 population (the pairs carry no volumes);
--   stp_population      the CCG21s of the provider's STP (ODS etr), weighted by population;
--   geographic_ccg      the single CCG its postcode lies in (ODS), weight 1 -- the data map's lookup.
with ccgs as (
    select
        ccg21_ons_code,
        ccg21_ods_code,
        stp21_ods_code,
        coalesce(population, 1) as population
    from {{ ref('dim_ccgs') }}
),

pairs as (
    select distinct
        mapped.provider_code,
        mapped.ccg21_ods_code
    from {{ ref('int_geography__trust_commissioner_pairs_mapped') }} as mapped
    where mapped.ccg21_ods_code is not null
),

pair_rows as (
    select
        pairs.provider_code,
        ccgs.ccg21_ons_code,
        ccgs.ccg21_ods_code,
        ccgs.population,
        'commissioner_pairs' as method,
        1 as priority
    from pairs
    inner join ccgs on pairs.ccg21_ods_code = ccgs.ccg21_ods_code
),

stp_rows as (
    select
        trusts.org_code as provider_code,
        ccgs.ccg21_ons_code,
        ccgs.ccg21_ods_code,
        ccgs.population,
        'stp_population' as method,
        2 as priority
    from {{ ref('stg_ods__etr') }} as trusts
    inner join ccgs on trusts.high_level_health_geography_code = ccgs.stp21_ods_code
),

geographic_rows as (
    select
        single.provider_code,
        single.ccg21_ons_code,
        single.ccg21_ods_code,
        1 as population,
        'geographic_ccg' as method,
        3 as priority
    from {{ ref('int_geography__trust_geographic_ccg21') }} as single
    where single.ccg21_ods_code is not null
),

candidates as (
    select * from pair_rows
    union all
    select * from stp_rows
    union all
    select * from geographic_rows
),

chosen as (
    select
        provider_code,
        ccg21_ons_code,
        ccg21_ods_code,
        population,
        method
    from candidates
    qualify priority = min(priority) over (partition by provider_code)
)

select
    provider_code,
    ccg21_ons_code,
    ccg21_ods_code,
    cast(population as double) / sum(population) over (partition by provider_code) as weight,
    method
from chosen
