-- Spells open at the end of the period (LDA45) by length-of-stay band and MHA group (the data of
-- the published "Table 50"), unsuppressed; every band x group for each organisation of a month.
with open_at_end as (
    select
        uniq_month_id,
        reporting_period_start,
        reporting_period_end,
        geography,
        org_code,
        hospital_spell_id,
        mha_group,
        length_of_stay_days
    from {{ ref('int_lda_mha_spell_geographies') }}
    where is_open_at_end
),

bands as (
    select
        band_order,
        length_of_stay_band,
        min_days,
        max_days
    from {{ ref('lda_mha_length_of_stay_bands') }}
),

mha_groups as (
    select distinct mha_group from {{ ref('lda_mha_legal_status_codes') }}
),

grid as (
    select distinct
        o.uniq_month_id,
        o.reporting_period_start,
        o.reporting_period_end,
        o.geography,
        o.org_code,
        b.band_order,
        b.length_of_stay_band,
        g.mha_group
    from open_at_end as o
    cross join bands as b
    cross join mha_groups as g
),

counts as (
    select
        o.uniq_month_id,
        o.geography,
        o.org_code,
        b.length_of_stay_band,
        o.mha_group,
        count(distinct o.hospital_spell_id) as lda45_open_at_end
    from open_at_end as o
    inner join bands as b
        on o.length_of_stay_days >= b.min_days and (b.max_days is null or o.length_of_stay_days <= b.max_days)
    group by o.uniq_month_id, o.geography, o.org_code, b.length_of_stay_band, o.mha_group
)

select
    g.uniq_month_id,
    g.reporting_period_start,
    g.reporting_period_end,
    g.geography,
    g.org_code,
    g.band_order,
    g.length_of_stay_band,
    g.mha_group,
    coalesce(c.lda45_open_at_end, 0) as lda45_open_at_end
from grid as g
left join counts as c
    on
        g.uniq_month_id = c.uniq_month_id
        and g.geography = c.geography
        and g.org_code = c.org_code
        and g.length_of_stay_band = c.length_of_stay_band
        and g.mha_group = c.mha_group
