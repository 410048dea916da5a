"""Configuration is read from FRONTWATCH_* and fails at start, clearly, when it is wrong."""

from __future__ import annotations

import pytest

from service.config import ConfigError, load_settings


def test_defaults_are_valid_and_list_every_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTWATCH_KAFKA_BOOTSTRAP", raising=False)
    settings = load_settings()
    assert settings.kafka_bootstrap is None
    assert settings.topic_partitions == {
        "articles": 4,
        "articles.dlq": 1,
        "alerts.territorial-control": 4,
        "alerts.deployment": 4,
        "alerts.all": 4,
        "subscriptions": 1,
        "frontwatch-reports-by-place": 4,
        "frontwatch-correlation-changelog": 4,
        "frontwatch-__assignor-__leader": 1,
    }
    assert settings.compacted_topics == {"subscriptions", "frontwatch-correlation-changelog"}


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("FRONTWATCH_INPUT_TOPIC", "news")
    monkeypatch.setenv("FRONTWATCH_MAX_ARTICLE_BYTES", "2000000")
    settings = load_settings()
    assert (settings.kafka_bootstrap, settings.input_topic, settings.max_article_bytes) == (
        "kafka-1:9092,kafka-2:9092",
        "news",
        2_000_000,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FRONTWATCH_METRICS_PORT": "many"}, "FRONTWATCH_METRICS_PORT"),
        ({"FRONTWATCH_KAFKA_BOOTSTRAP": "no-port"}, "kafka_bootstrap must be host:port"),
        ({"FRONTWATCH_ALERTS_ALL_TOPIC": "articles"}, "topic names must be distinct"),
        (
            {"FRONTWATCH_HEARTBEAT_INTERVAL_S": "5", "FRONTWATCH_SESSION_TIMEOUT_S": "10"},
            "heartbeat_interval_s",
        ),
        ({"FRONTWATCH_AUTO_OFFSET_RESET": "middle"}, "FRONTWATCH_AUTO_OFFSET_RESET"),
    ],
)
def test_invalid_configuration_names_the_problem(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=expected):
        load_settings()


def test_readme_documents_every_setting() -> None:
    from pathlib import Path

    from service.config import Settings

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [
        f"FRONTWATCH_{name.upper()}"
        for name in Settings.model_fields
        if f"`FRONTWATCH_{name.upper()}`" not in readme
    ]
    assert missing == []
