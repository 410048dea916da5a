"""Export the message models to ``schemas/``: JSON Schema per message and one AsyncAPI 3.0 document.

The files are generated, never edited: `frontwatch schemas --write` rewrites them and a test (and
`frontwatch schemas --check`) fails when they no longer match the models. Topic names are the defaults of
`service.config.Settings`, not the current environment, so the output does not depend on who runs it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from service.alerts.subscriptions import Subscription
from service.config import Settings
from service.messages import (
    CE_TYPES,
    DLQ_REASONS,
    Alert,
    ArticleMessage,
    DeploymentAlert,
    TerritorialControlAlert,
)

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_COMPONENT_REF = "#/components/schemas/{model}"


def _default(name: str) -> Any:
    return Settings.model_fields[name].default


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema (draft 2020-12, as pydantic writes it)."""
    article = ArticleMessage.model_json_schema()
    alert = TypeAdapter(Alert).json_schema(mode="serialization")
    alert["title"] = "Alert"
    alert["description"] = "An alert on the alert topics: one detected event plus where it was read."
    for schema, name in ((article, "article"), (alert, "alert")):
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"urn:frontwatch:schema:{name}"
    return {"article.schema.json": article, "alert.schema.json": alert}


def _ce_headers(ce_type: str) -> dict[str, Any]:
    string = {"type": "string"}
    return {
        "type": "object",
        "description": "CloudEvents Kafka protocol binding, binary content mode.",
        "required": [
            "ce_specversion",
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_time",
            "ce_subject",
            "content-type",
        ],
        "properties": {
            "ce_specversion": {"const": "1.0"},
            "ce_id": {**string, "description": "The alert_id."},
            "ce_type": {"const": ce_type},
            "ce_source": {**string, "description": "FRONTWATCH_ALERT_SOURCE of the worker."},
            "ce_time": {**string, "format": "date-time", "description": "detected_at."},
            "ce_subject": {**string, "description": "The place (destination for deployments)."},
            "content-type": {"const": "application/json"},
        },
    }


def asyncapi_document() -> dict[str, Any]:
    refs, defs = models_json_schema(
        [
            (ArticleMessage, "validation"),
            (TerritorialControlAlert, "serialization"),
            (DeploymentAlert, "serialization"),
            (Subscription, "validation"),
        ],
        ref_template=_COMPONENT_REF,
    )
    schemas = defs["$defs"]
    article_ref = refs[(ArticleMessage, "validation")]
    tc_ref = refs[(TerritorialControlAlert, "serialization")]
    deployment_ref = refs[(DeploymentAlert, "serialization")]
    subscription_ref = refs[(Subscription, "validation")]
    alert_key = {
        "type": "string",
        "description": "'<event type>:geonames:<id>' when the place resolved, else "
        "'<event type>:<normalised place>': updates about one place stay in one partition, in order.",
    }
    dlq_headers = {
        "type": "object",
        "required": [
            "dlq_reason",
            "dlq_error",
            "dlq_source_topic",
            "dlq_source_partition",
            "dlq_source_offset",
            "dlq_original_size",
            "dlq_truncated",
        ],
        "properties": {
            "dlq_reason": {"type": "string", "enum": list(DLQ_REASONS)},
            "dlq_error": {"type": "string", "description": "Human-readable error (at most 1000 characters)."},
            "dlq_source_topic": {"type": "string"},
            "dlq_source_partition": {"type": "string", "description": "Decimal integer."},
            "dlq_source_offset": {"type": "string", "description": "Decimal integer."},
            "dlq_original_size": {"type": "string", "description": "Size of the original value in bytes."},
            "dlq_truncated": {"type": "string", "enum": ["true", "false"]},
        },
    }
    messages = {
        "Article": {
            "name": "Article",
            "contentType": "application/json",
            "payload": dict(article_ref),
            "bindings": {"kafka": {"key": {"type": "string", "description": "Article id (optional)."}}},
        },
        "TerritorialControlAlert": {
            "name": "TerritorialControlAlert",
            "contentType": "application/json",
            "headers": _ce_headers(CE_TYPES["territorial_control"]),
            "payload": dict(tc_ref),
            "bindings": {"kafka": {"key": alert_key}},
        },
        "DeploymentAlert": {
            "name": "DeploymentAlert",
            "contentType": "application/json",
            "headers": _ce_headers(CE_TYPES["deployment"]),
            "payload": dict(deployment_ref),
            "bindings": {"kafka": {"key": alert_key}},
        },
        "Subscription": {
            "name": "Subscription",
            "contentType": "application/json",
            "summary": "A subscriber's filters and output topic; a record with a null value (tombstone) "
            "removes the subscription of its key.",
            "payload": dict(subscription_ref),
            "bindings": {"kafka": {"key": {"type": "string", "description": "The subscription id."}}},
        },
        "DeadLetter": {
            "name": "DeadLetter",
            "contentType": "application/octet-stream",
            "summary": "An input message the worker could not process: its original bytes, cut to "
            "FRONTWATCH_DLQ_MAX_VALUE_BYTES, with the original key and headers.",
            "headers": dlq_headers,
            "payload": {"type": "string", "format": "binary"},
        },
    }

    def ref(kind: str, name: str) -> dict[str, str]:
        return {"$ref": f"#/{kind}/{name}"}

    channels = {
        "articles": {
            "address": _default("input_topic"),
            "description": "News articles to read.",
            "messages": {"Article": ref("components/messages", "Article")},
        },
        "alertsTerritorialControl": {
            "address": _default("alerts_territorial_control_topic"),
            "description": "Alerts about places changing hands.",
            "messages": {"TerritorialControlAlert": ref("components/messages", "TerritorialControlAlert")},
        },
        "alertsDeployment": {
            "address": _default("alerts_deployment_topic"),
            "description": "Alerts about forces sent to or withdrawn from places.",
            "messages": {"DeploymentAlert": ref("components/messages", "DeploymentAlert")},
        },
        "alertsAll": {
            "address": _default("alerts_all_topic"),
            "description": "Every alert, both types.",
            "messages": {
                "TerritorialControlAlert": ref("components/messages", "TerritorialControlAlert"),
                "DeploymentAlert": ref("components/messages", "DeploymentAlert"),
            },
        },
        "subscriptions": {
            "address": _default("subscriptions_topic"),
            "description": "Subscriptions, compacted: the latest record per id is the subscription.",
            "messages": {"Subscription": ref("components/messages", "Subscription")},
        },
        "subscriberAlerts": {
            "address": "{topic}",
            "description": "A subscription's own topic: the alerts of alerts.all that match its filters.",
            "parameters": {"topic": {"description": "The `topic` of a subscription."}},
            "messages": {
                "TerritorialControlAlert": ref("components/messages", "TerritorialControlAlert"),
                "DeploymentAlert": ref("components/messages", "DeploymentAlert"),
            },
        },
        "deadLetters": {
            "address": _default("dlq_topic"),
            "description": "Input messages that were rejected.",
            "messages": {"DeadLetter": ref("components/messages", "DeadLetter")},
        },
    }

    def operation(action: str, channel: str, summary: str) -> dict[str, Any]:
        names = channels[channel]["messages"]
        return {
            "action": action,
            "summary": summary,
            "channel": ref("channels", channel),
            "messages": [ref(f"channels/{channel}/messages", n) for n in names],
        }

    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "frontwatch",
            "version": "1",
            "description": "Reads news articles from Kafka and publishes alerts about territorial-control "
            "changes and troop deployments.",
        },
        "defaultContentType": "application/json",
        "servers": {
            "local": {
                "host": "127.0.0.1:9092",
                "protocol": "kafka",
                "description": "FRONTWATCH_KAFKA_BOOTSTRAP; `frontwatch broker` starts one.",
            }
        },
        "channels": channels,
        "operations": {
            "readArticles": operation("receive", "articles", "The worker consumes articles."),
            "publishTerritorialControlAlerts": operation(
                "send", "alertsTerritorialControl", "Territorial-control alerts."
            ),
            "publishDeploymentAlerts": operation("send", "alertsDeployment", "Deployment alerts."),
            "publishAllAlerts": operation("send", "alertsAll", "Every alert, both types."),
            "publishDeadLetters": operation("send", "deadLetters", "Rejected input messages."),
            "readSubscriptions": operation("receive", "subscriptions", "Every worker reads all of them."),
            "publishSubscriberAlerts": operation(
                "send", "subscriberAlerts", "Alerts matching a subscription, new and (unless new-only) updates."
            ),
        },
        "components": {"messages": messages, "schemas": schemas},
    }


def render() -> dict[str, str]:
    """File name → exact file content."""
    files = {
        name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for name, schema in json_schemas().items()
    }
    files["asyncapi.yaml"] = yaml.safe_dump(
        asyncapi_document(), sort_keys=False, allow_unicode=True, width=110
    )
    return files


def write_schemas(directory: Path | None = None) -> list[Path]:
    directory = directory or SCHEMA_DIR
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def check_schemas(directory: Path | None = None) -> list[str]:
    """Names of the files that are missing or differ from what the models generate."""
    directory = directory or SCHEMA_DIR
    return [
        name
        for name, content in render().items()
        if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != content
    ]
