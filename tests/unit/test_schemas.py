"""schemas/ is generated from the message models; this fails when someone changes one without the other."""

from __future__ import annotations

from pathlib import Path

import yaml

from service.config import Settings
from service.schemas_export import SCHEMA_DIR, asyncapi_document, check_schemas, write_schemas


def test_exported_schemas_match_the_models() -> None:
    assert check_schemas() == [], (
        "schemas/ is out of date: run `frontwatch schemas --write` (or `make schemas`)"
    )


def test_drift_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert check_schemas(tmp_path) == []
    (tmp_path / "alert.schema.json").write_text("{}\n")
    assert check_schemas(tmp_path) == ["alert.schema.json"]


def test_asyncapi_names_every_topic_with_its_default_address() -> None:
    document = yaml.safe_load((SCHEMA_DIR / "asyncapi.yaml").read_text())
    assert document == asyncapi_document()
    addresses = {channel["address"] for channel in document["channels"].values()}
    assert addresses == {
        Settings.model_fields[name].default
        for name in (
            "input_topic",
            "dlq_topic",
            "alerts_territorial_control_topic",
            "alerts_deployment_topic",
            "alerts_all_topic",
            "subscriptions_topic",
        )
    } | {"{topic}"}
    for message in document["components"]["messages"].values():
        ref = message["payload"].get("$ref")
        if ref:
            assert ref.rsplit("/", 1)[1] in document["components"]["schemas"]
