-- No cell of the published LDA files shows a count from 1 to 4 (or any value that is not null or a
-- multiple of 5), and is_suppressed says exactly when a cell is null: suppress_count was applied at
-- every geography, England included.
{%- set cells = ['informal', 'part_2', 'part_3_no_restrictions', 'part_3_with_restrictions', 'other', 'total'] %}
{%- for model in ['lda_mha_published', 'lda_mha_length_of_stay_published'] %}
    {%- for cell in cells %}
        select
            '{{ model }}' as model_name,
            '{{ cell }}' as cell_name,
            {{ cell }} as cell_value
        from {{ ref(model) }}
        where
            {{ cell }} < 5
            or {{ cell }} % 5 <> 0
            or ({{ cell }} is null and not is_suppressed)
        {%- if not loop.last %} union all{% endif %}
    {%- endfor %}
    {%- if not loop.last %} union all{% endif %}
{%- endfor %}
