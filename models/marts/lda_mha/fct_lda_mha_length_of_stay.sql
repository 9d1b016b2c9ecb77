-- Spells open at the end of the period (LDA45) by length-of-stay band and MHA group (the data of
-- the published "Table 50"), unsuppressed; every band x group for each organisation of a month. A
-- spell with a missing or negative length of stay is in the band Unknown, so the bands add up to LDA45.
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
    from {{ ref('int_lda_mha__spell_geographies') }}
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
        open_at_end.uniq_month_id,
        open_at_end.reporting_period_start,
        open_at_end.reporting_period_end,
        open_at_end.geography,
        open_at_end.org_code,
        bands.band_order,
        bands.length_of_stay_band,
        mha_groups.mha_group
    from open_at_end
    cross join bands
    cross join mha_groups
),

banded as (
    select
        open_at_end.uniq_month_id,
        open_at_end.geography,
        open_at_end.org_code,
        open_at_end.mha_group,
        open_at_end.hospital_spell_id,
        bands.length_of_stay_band
    from open_at_end
    inner join bands
        on
            (
                open_at_end.length_of_stay_days >= bands.min_days
                and (bands.max_days is null or open_at_end.length_of_stay_days <= bands.max_days)
            )
            -- production's band Unknown (no bounds): length of stay missing or negative
            or (
                bands.min_days is null
                and (open_at_end.length_of_stay_days is null or open_at_end.length_of_stay_days < 0)
            )
),

counts as (
    select
        uniq_month_id,
        geography,
        org_code,
        length_of_stay_band,
        mha_group,
        count(distinct hospital_spell_id) as lda45_open_at_end
    from banded
    group by uniq_month_id, geography, org_code, length_of_stay_band, mha_group
)

select
    grid.uniq_month_id,
    grid.reporting_period_start,
    grid.reporting_period_end,
    grid.geography,
    grid.org_code,
    grid.band_order,
    grid.length_of_stay_band,
    grid.mha_group,
    coalesce(counts.lda45_open_at_end, 0) as lda45_open_at_end
from grid
left join counts
    on
        grid.uniq_month_id = counts.uniq_month_id
        and grid.geography = counts.geography
        and grid.org_code = counts.org_code
        and grid.length_of_stay_band = counts.length_of_stay_band
        and grid.mha_group = counts.mha_group
