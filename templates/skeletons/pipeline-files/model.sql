-- ${{ values.title or values.name }}: ${{ values.description }}
-- The columns and types are the contract's (contract.odcs.yaml); schema.yml makes dbt enforce
-- them. Replace the casts with the transformation from the sources (sources.yml).
{%- set port = values.inputPorts[0] %}
select
{%- for field in values.fields %}
    cast(null as ${{ field.physicalType }}) as ${{ field.name }}${{ "," if not loop.last }}
{%- endfor %}
{%- if port %}
from {{ source('${{ port.name | replace("-", "_") }}', '${{ (port.product | replace("component:default/", "") if port.product else (port.location or port.name)) | replace("-", "_") | replace(".", "_") }}') }}
{%- else %}
from {{ source('raw', '${{ values.objectName }}') }}
{%- endif %}
