"""Every metric in the registry follows the prometheus.io naming conventions (checked over the registry, so a
new metric is checked the day it is added)."""

from __future__ import annotations

import re

import pytest
from prometheus_client.metrics_core import Metric

from service import metrics

# Base units (prometheus.io/docs/practices/naming): seconds and bytes, never milli-, kilo- or minutes.
NON_BASE_UNITS = re.compile(
    r"_(milliseconds|microseconds|ms|us|minutes|hours|days|kilobytes|megabytes|kb|mb)(_|$)"
)
# Labels must stay low-cardinality: nothing per article or alert, no free text.
ALLOWED_LABELS = {"reason", "type", "topic", "partition", "status", "version", "python"}


def families() -> list[Metric]:
    metrics.init_metrics()
    return list(metrics.REGISTRY.collect())


def test_the_registry_holds_the_documented_metrics() -> None:
    names = {f.name for f in families()}
    assert {
        "frontwatch_build_info",
        "frontwatch_consumer_lag_messages",
        "frontwatch_end_to_end_latency_seconds",
        "frontwatch_ready",
        "frontwatch_articles_consumed",
    } <= names


@pytest.mark.parametrize("family", families(), ids=lambda f: f.name)
def test_metric_follows_the_naming_conventions(family: Metric) -> None:
    name = family.name
    assert re.fullmatch(r"frontwatch_[a-z][a-z0-9]*(_[a-z0-9]+)*", name), "snake_case, application prefix"
    assert family.documentation.strip(), "every metric has help text"
    assert not NON_BASE_UNITS.search(name), "use base units (seconds, bytes)"
    assert not name.endswith(("_count", "_sum", "_bucket", "_created")), "reserved suffixes"
    if family.type == "counter":
        exposed = {s.name for s in family.samples}
        assert exposed <= {f"{name}_total", f"{name}_created"}, "counters are exposed as *_total"
    else:
        assert not name.endswith("_total"), "_total is for counters only"
    if family.type in ("histogram", "summary"):
        assert name.endswith(("_seconds", "_bytes")), "distributions carry their unit"
    if name.endswith("_info"):
        assert family.type in ("gauge", "info") and all(s.value == 1 for s in family.samples)
    if re.search(r"(latency|duration|time)", name):
        assert name.endswith("_seconds"), "durations are in seconds"
    for sample in family.samples:
        for label in sample.labels:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", label) and not label.startswith("__")
            allowed = ALLOWED_LABELS | ({"le"} if family.type == "histogram" else set())
            assert label in allowed, f"label {label!r} is not a known low-cardinality label"
