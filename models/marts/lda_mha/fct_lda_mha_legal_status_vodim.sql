-- VODIM data quality of the MHA legal status fields of MHS401: per reporting month x provider
-- (and England) x field, how many month-M records are Valid, Other, Default, Invalid or Missing.
-- Code list: seed lda_mha_legal_status_codes. The classes depend on the month: from April 2025
-- (UniqMonthID 1501) 99 is the default and 01 and 98 are invalid (vodim_category); before it 01 is
-- Other and 98 and 99 are Default (vodim_category_before_april_2025). Valid 02-10, 12-20, 31, 32,
-- 35-38 throughout; any other non-blank value invalid; blank missing.
{%- set first_month_of_2025_rules = 1501 %}
with fields as (
    select 'NHSDLegalStatus' as field_name
    union all
    select 'LegalStatusCode' as field_name
),

records as (
    select
        mha_period.uniq_month_id,
        fields.field_name,
        coalesce(mha_period.provider_code, 'UNKNOWN') as provider_code,
        case fields.field_name
            when 'NHSDLegalStatus' then mha_period.nhsd_legal_status
            else mha_period.legal_status_code
        end as legal_status_code
    from {{ ref('stg_nhsd__mhs401_mh_act_period') }} as mha_period
    inner join {{ ref('int_lda_mha__reporting_periods') }} as periods
        on mha_period.uniq_month_id = periods.uniq_month_id
    cross join fields
),

classified as (
    select
        records.uniq_month_id,
        records.provider_code,
        records.field_name,
        case
            when records.legal_status_code is null then 'missing'
            when records.uniq_month_id >= {{ first_month_of_2025_rules }}
                then coalesce(codes.vodim_category, 'invalid')
            else coalesce(codes.vodim_category_before_april_2025, 'invalid')
        end as vodim_category
    from records
    left join {{ ref('lda_mha_legal_status_codes') }} as codes
        on records.legal_status_code = codes.legal_status_code
),

by_org as (
    select
        uniq_month_id,
        provider_code as org_code,
        field_name,
        vodim_category
    from classified
    union all
    select
        uniq_month_id,
        'England' as org_code,
        field_name,
        vodim_category
    from classified
)

select
    uniq_month_id,
    org_code,
    field_name,
    case when org_code = 'England' then 'National' else 'Provider' end as geography,  -- noqa: RF04
    sum(case when vodim_category = 'valid' then 1 else 0 end) as valid_count,
    sum(case when vodim_category = 'other' then 1 else 0 end) as other_count,
    sum(case when vodim_category = 'default' then 1 else 0 end) as default_count,
    sum(case when vodim_category = 'invalid' then 1 else 0 end) as invalid_count,
    sum(case when vodim_category = 'missing' then 1 else 0 end) as missing_count,
    count(*) as record_count,
    round(100.0 * sum(case when vodim_category = 'valid' then 1 else 0 end) / count(*), 1) as valid_percent
from by_org
group by uniq_month_id, org_code, field_name
