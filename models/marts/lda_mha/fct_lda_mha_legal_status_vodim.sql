-- VODIM data quality of the MHA legal status fields of MHS401: per reporting month x provider
-- (and England) x field, how many month-M records are Valid, Other, Default, Invalid or Missing.
-- Code list: seed lda_mha_legal_status_codes (valid 02-10, 12-20, 31, 32, 35-38; default 99;
-- 01 and 98 invalid since April 2025; any other non-blank value invalid). No legal status code is
-- in the "Other" class, so other_count is 0 by definition (kept for the standard VODIM layout).
with fields as (
    select 'NHSDLegalStatus' as field_name
    union all
    select 'LegalStatusCode' as field_name
),

records as (
    select
        a.uniq_month_id,
        f.field_name,
        coalesce(a.provider_code, 'UNKNOWN') as provider_code,
        case f.field_name when 'NHSDLegalStatus' then a.nhsd_legal_status else a.legal_status_code end
            as legal_status_code
    from {{ ref('stg_nhsd__mhs401_mh_act_period') }} as a
    inner join {{ ref('int_lda_mha_reporting_periods') }} as p on a.uniq_month_id = p.uniq_month_id
    cross join fields as f
),

classified as (
    select
        r.uniq_month_id,
        r.provider_code,
        r.field_name,
        case
            when r.legal_status_code is null then 'missing'
            else coalesce(c.vodim_category, 'invalid')
        end as vodim_category
    from records as r
    left join {{ ref('lda_mha_legal_status_codes') }} as c on r.legal_status_code = c.legal_status_code
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
