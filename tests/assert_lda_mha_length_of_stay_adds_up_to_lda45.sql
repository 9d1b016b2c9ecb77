-- Table 50 adds up: for every month, geography, organisation and MHA group the length-of-stay bands
-- (Unknown included: length of stay missing or negative) hold exactly the LDA45 spells.
with by_band as (
    select
        uniq_month_id,
        geography,
        org_code,
        mha_group,
        sum(lda45_open_at_end) as lda45_in_bands
    from {{ ref('fct_lda_mha_length_of_stay') }}
    group by uniq_month_id, geography, org_code, mha_group
),

monthly as (
    select
        uniq_month_id,
        geography,
        org_code,
        mha_group,
        lda45_open_at_end
    from {{ ref('fct_lda_mha_monthly') }}
)

select
    monthly.uniq_month_id,
    monthly.geography,
    monthly.org_code,
    monthly.mha_group,
    monthly.lda45_open_at_end,
    by_band.lda45_in_bands
from monthly
full outer join by_band
    on
        monthly.uniq_month_id = by_band.uniq_month_id
        and monthly.geography = by_band.geography
        and monthly.org_code = by_band.org_code
        and monthly.mha_group = by_band.mha_group
where coalesce(monthly.lda45_open_at_end, 0) <> coalesce(by_band.lda45_in_bands, 0)
