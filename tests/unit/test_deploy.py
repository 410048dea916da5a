"""deploy/ is checked as far as possible without a Docker engine or a cluster: every YAML file parses, the
dashboard and the alert rules use only metrics the service exports, the manifests' probes and settings match
the code, and promtool accepts the rules where it is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from service import metrics
from service.config import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
YAML_FILES = sorted(DEPLOY.rglob("*.yml")) + sorted(DEPLOY.rglob("*.yaml"))
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "frontwatch.json"
RULES = DEPLOY / "prometheus" / "alerts.yml"
METRIC = re.compile(r"\bfrontwatch_[a-z0-9_]+\b")


def exported_series() -> set[str]:
    """Every sample name the registry can expose (counters as *_total, histograms' buckets, sums, counts)."""
    metrics.init_metrics()
    suffixes = {"counter": ["_total", "_created"], "histogram": ["_bucket", "_sum", "_count", "_created"]}
    names = set()
    for family in metrics.REGISTRY.collect():
        for suffix in suffixes.get(family.type, [""]):
            names.add(family.name + suffix)
    return names


def promql_expressions() -> dict[str, str]:
    found = {}
    dashboard = json.loads(DASHBOARD.read_text())
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            found[f"dashboard panel {panel['title']!r} {target['refId']}"] = target["expr"]
    for group in yaml.safe_load(RULES.read_text())["groups"]:
        for rule in group["rules"]:
            found[f"rule {rule.get('alert') or rule.get('record')}"] = rule["expr"]
    return found


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_yaml_parses(path: Path) -> None:
    documents = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
    assert documents and all(isinstance(d, dict) for d in documents)


def test_dashboard_and_rules_use_only_exported_metrics() -> None:
    exported = exported_series()
    expressions = promql_expressions()
    assert len(expressions) >= 10
    for where, expr in expressions.items():
        used = set(METRIC.findall(expr))
        assert used or 'up{job="frontwatch"}' in expr, where
        assert used <= exported, f"{where} uses {sorted(used - exported)}, which the service does not export"


def test_dashboard_covers_what_operators_watch() -> None:
    text = " ".join(promql_expressions().values())
    for metric in [
        "frontwatch_articles_consumed_total",  # throughput
        "frontwatch_events_detected_total",  # alerts by type
        "frontwatch_articles_dead_lettered_total",  # DLQ rate
        "frontwatch_consumer_lag_messages",  # lag
        "frontwatch_end_to_end_latency_seconds_bucket",  # latency
    ]:
        assert metric in text
    alerts = {r["alert"] for g in yaml.safe_load(RULES.read_text())["groups"] for r in g["rules"]}
    assert {
        "FrontwatchWorkerDown",
        "FrontwatchConsumerLagGrowing",
        "FrontwatchDeadLetterRate",
        "FrontwatchNoAlerts",
    } <= alerts


def test_promtool_accepts_the_rules_and_the_config_and_their_unit_tests() -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (Debian: apt-get install prometheus)")
    for args in (
        ["check", "rules", str(RULES)],
        ["check", "config", str(DEPLOY / "prometheus" / "prometheus.yml")],
        ["test", "rules", str(DEPLOY / "prometheus" / "alerts.test.yml")],  # the rules fire when they should
    ):
        done = subprocess.run([promtool, *args], capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def _k8s(kind: str) -> dict[str, Any]:
    for path in (DEPLOY / "k8s").glob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc.get("kind") == kind:
                return doc
    raise LookupError(kind)


def test_kubernetes_probes_and_ports_match_the_worker() -> None:
    config = _k8s("ConfigMap")["data"]
    port = int(config["FRONTWATCH_METRICS_PORT"])
    pod = _k8s("Deployment")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["ports"][0]["containerPort"] == port
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert _k8s("PodDisruptionBudget")["spec"]["selector"] == _k8s("Deployment")["spec"]["selector"]
    assert _k8s("Service")["spec"]["ports"][0]["port"] == port


def _frontwatch_variables() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in [*YAML_FILES, DEPLOY / "Dockerfile"]:
        found[str(path.relative_to(DEPLOY))] = set(re.findall(r"\bFRONTWATCH_[A-Z0-9_]+\b", path.read_text()))
    return found


def test_every_setting_named_in_deploy_exists() -> None:
    known = {f"FRONTWATCH_{name.upper()}" for name in Settings.model_fields}
    for where, names in _frontwatch_variables().items():
        assert names <= known, f"{where}: unknown {sorted(names - known)}"


def test_the_kubernetes_configuration_is_valid_for_the_worker(tmp_path: Path) -> None:
    """The ConfigMap's values pass the settings validation (with stand-ins for the mounted secret files)."""
    data = dict(_k8s("ConfigMap")["data"])
    for name, value in list(data.items()):
        if value.startswith("/var/run/secrets/"):
            stand_in = tmp_path / Path(value).name
            stand_in.write_text("x")
            data[name] = str(stand_in)
    Settings(**{k.removeprefix("FRONTWATCH_").lower(): v for k, v in data.items()})


def test_compose_runs_two_workers_on_kraft_kafka() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert "controller" in services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"]
    workers = [s for s in services.values() if s.get("image", "").startswith("frontwatch:")]
    assert len(workers) == 2
    assert all(s["environment"]["FRONTWATCH_KAFKA_BOOTSTRAP"] == "kafka:9092" for s in workers)
    assert {"prometheus", "grafana"} <= set(services)


def test_dockerfile_installs_from_the_lock_with_hashes_and_runs_unprivileged() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert "--require-hashes -r requirements.lock" in text
    assert re.search(r"^USER (?!0\b|root\b)\S+", text, re.M)
    assert "slim" in text
