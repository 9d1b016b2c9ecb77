{{ config(tags=['export']) }}
-- Grain: one landing file, as load_manifest, for publication: the row counts of record-level files
-- (topics of macro record_level_topics) by the small-number rule (macro suppress_count: under 5
-- null, others rounded to 5); files of published sources as they are.
with manifest as (
    select * from {{ ref('load_manifest') }}
)

select
    path,
    topic,
    size_bytes,
    sha256,
    recognised_as,
    status,
    detail,
    case
        when topic in {{ record_level_topics() }} then {{ suppress_count('row_count') }}
        else row_count
    end as row_count,
    coalesce(topic in {{ record_level_topics() }} and row_count < 5, false) as is_suppressed,
    loaded_at
from manifest
