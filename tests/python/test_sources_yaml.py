"""The committed dbt source YAML matches the registry (run `mhw sources-yaml` after editing it)."""

from __future__ import annotations

from conftest import REPO
from mhw.dbt_sources import topic_yaml
from mhw.sources import REGISTRY, TOPICS


def test_committed_source_yaml_is_current():
    for topic in TOPICS:
        expected = topic_yaml(topic)
        path = REPO / "models" / "staging" / topic / f"_{topic}__sources.yml"
        if expected is None:
            assert not path.exists()
        else:
            assert path.read_text() == expected, f"{path} is stale: run `python -m mhw sources-yaml`"


def test_every_source_has_a_staging_model():
    for source in REGISTRY.values():
        publisher, entity = source.id.split("_", 1)
        model = REPO / "models" / "staging" / source.topic / f"stg_{publisher}__{entity}.sql"
        assert model.exists(), f"{source.id}: no staging model {model.name}"
        assert f"source('{source.topic}', '{source.id}')" in model.read_text()
