-- Grain: one row per landing file seen by the last load (ZIP members as archive.zip!member).
select
    path,
    topic,
    size_bytes,
    sha256,
    recognised_as,
    status,
    detail,
    rows as row_count,
    loaded_at
from {{ source('landing', 'manifest') }}
