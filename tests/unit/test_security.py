"""Kafka connection security: settings → aiokafka arguments → faust credentials → every CLI client.

The embedded broker speaks plain text only, so TLS and SASL are checked here at the boundary frontwatch owns:
the arguments handed to aiokafka (the same for the worker through faust and for each CLI command), and the
TLS context they carry (CA loaded, certificates verified, host names checked, client key loaded).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import pytest

from service.config import ConfigError, Settings, load_settings
from service.kafka_io import faust_credentials, kafka_security_options

KEY_PASSWORD = "key-pass-3141"
SASL_PASSWORD = "sasl-pw-2718-not-in-logs"


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A throw-away CA certificate and an encrypted client key pair, made with the openssl command."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make test certificates")
    d = tmp_path_factory.mktemp("pki")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-days", "1"]
    subprocess.run(
        [openssl, "req", "-x509", *ec, "-nodes", "-subj", "/CN=frontwatch-test-ca",
         "-keyout", str(d / "ca.key"), "-out", str(d / "ca.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [openssl, "req", "-x509", *ec, "-subj", "/CN=frontwatch-client", "-passout", f"pass:{KEY_PASSWORD}",
         "-keyout", str(d / "client.key"), "-out", str(d / "client.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    return {"ca": d / "ca.pem", "cert": d / "client.pem", "key": d / "client.key"}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("FRONTWATCH_"):
            monkeypatch.delenv(name)


def _subjects(context: ssl.SSLContext) -> list[str]:
    return [dict(x[0] for x in cert["subject"])["commonName"] for cert in context.get_ca_certs()]


def test_plaintext_is_the_default_and_adds_nothing_but_the_protocol() -> None:
    settings = Settings()
    assert kafka_security_options(settings) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings) is None


def test_ssl_verifies_the_broker_against_the_configured_ca(pki: dict[str, Path]) -> None:
    options = kafka_security_options(Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki["ca"]))
    assert set(options) == {"security_protocol", "ssl_context"}
    assert options["security_protocol"] == "SSL"
    context = options["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    assert _subjects(context) == ["frontwatch-test-ca"]


def test_hostname_check_can_be_turned_off_but_certificates_are_still_verified(pki: dict[str, Path]) -> None:
    settings = Settings(
        kafka_security_protocol="SSL", kafka_ssl_cafile=pki["ca"], kafka_ssl_check_hostname=False
    )
    context = kafka_security_options(settings)["ssl_context"]
    assert (context.check_hostname, context.verify_mode) == (False, ssl.CERT_REQUIRED)


def test_mutual_tls_loads_the_client_key_with_its_password(pki: dict[str, Path], tmp_path: Path) -> None:
    base = {
        "kafka_security_protocol": "SSL",
        "kafka_ssl_cafile": pki["ca"],
        "kafka_ssl_certfile": pki["cert"],
        "kafka_ssl_keyfile": pki["key"],
    }
    assert kafka_security_options(Settings(**base, kafka_ssl_key_password=KEY_PASSWORD))["ssl_context"]
    password_file = tmp_path / "key-password"
    password_file.write_text(KEY_PASSWORD + "\n")
    assert kafka_security_options(Settings(**base, kafka_ssl_key_password_file=password_file))
    with pytest.raises(ssl.SSLError):  # proves the key is really loaded, not ignored
        kafka_security_options(Settings(**base, kafka_ssl_key_password="wrong"))


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_plaintext_passes_mechanism_and_credentials(mechanism: str) -> None:
    settings = Settings(
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism=mechanism,
        kafka_sasl_username="frontwatch",
        kafka_sasl_password=SASL_PASSWORD,
    )
    assert kafka_security_options(settings) == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": mechanism,
        "sasl_plain_username": "frontwatch",
        "sasl_plain_password": SASL_PASSWORD,
    }


def test_sasl_ssl_reads_credentials_from_mounted_secret_files(pki: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "username").write_text("frontwatch\n")
    (tmp_path / "password").write_text(SASL_PASSWORD + "\n")
    settings = Settings(
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username_file=tmp_path / "username",
        kafka_sasl_password_file=tmp_path / "password",
        kafka_ssl_cafile=pki["ca"],
    )
    options = kafka_security_options(settings)
    assert options["sasl_plain_username"] == "frontwatch"
    assert options["sasl_plain_password"] == SASL_PASSWORD
    assert options["security_protocol"] == "SASL_SSL"
    assert _subjects(options["ssl_context"]) == ["frontwatch-test-ca"]


@pytest.mark.parametrize(
    "env",
    [
        {"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "PLAINTEXT"},
        {"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SSL", "FRONTWATCH_KAFKA_SSL_CHECK_HOSTNAME": "false"},
        {
            "FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
            "FRONTWATCH_KAFKA_SASL_MECHANISM": "SCRAM-SHA-256",
            "FRONTWATCH_KAFKA_SASL_USERNAME": "frontwatch",
            "FRONTWATCH_KAFKA_SASL_PASSWORD": SASL_PASSWORD,
        },
        {
            "FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
            "FRONTWATCH_KAFKA_SASL_MECHANISM": "PLAIN",
            "FRONTWATCH_KAFKA_SASL_USERNAME": "frontwatch",
            "FRONTWATCH_KAFKA_SASL_PASSWORD": SASL_PASSWORD,
        },
    ],
)
def test_the_worker_gets_the_same_connection_through_faust(
    monkeypatch: pytest.MonkeyPatch, pki: dict[str, Path], env: dict[str, str]
) -> None:
    """faust turns broker_credentials into aiokafka arguments; they must equal what the CLI clients get."""
    from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

    from service.app import create_app

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if "SSL" in env["FRONTWATCH_KAFKA_SECURITY_PROTOCOL"]:
        monkeypatch.setenv("FRONTWATCH_KAFKA_SSL_CAFILE", str(pki["ca"]))
    settings = load_settings(kafka_bootstrap="127.0.0.1:9092")
    ours = kafka_security_options(settings)
    app = create_app(settings, detector=None)  # type: ignore[arg-type]
    theirs = dict(credentials_to_aiokafka_auth(app.conf.broker_credentials, app.conf.ssl_context))
    ours_context, their_context = ours.pop("ssl_context", None), theirs.pop("ssl_context", None)
    assert {k: v for k, v in theirs.items() if v is not None} == ours
    if ours_context is None:
        assert their_context is None
    else:
        assert their_context is not None
        assert (their_context.check_hostname, their_context.verify_mode) == (
            ours_context.check_hostname,
            ours_context.verify_mode,
        )
        assert _subjects(their_context) == _subjects(ours_context) == ["frontwatch-test-ca"]


class _Stop(Exception):
    """Raised by the recording clients once they have been built: the test only wants their arguments."""


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def client(self, kind: str) -> type:
        calls = self.calls

        class Client:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                calls.append((kind, kwargs))

            async def start(self) -> None:
                raise _Stop

            async def stop(self) -> None: ...

            async def close(self) -> None: ...

        return Client


SASL_ENV = {
    "FRONTWATCH_KAFKA_BOOTSTRAP": "127.0.0.1:9",
    "FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "FRONTWATCH_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
    "FRONTWATCH_KAFKA_SASL_USERNAME": "frontwatch",
    "FRONTWATCH_KAFKA_SASL_PASSWORD": SASL_PASSWORD,
}


@pytest.mark.parametrize(
    "argv",
    [
        ["produce", "ARTICLES"],
        ["produce", "ARTICLES", "--raw"],
        ["tail", "alerts.all", "--max", "1"],
        ["run"],
        ["broker"],
        ["demo", "--timeout", "1"],
        ["subscribe", "list"],
        ["subscribe", "add", "desk", "--topic", "alerts.sub.desk"],
        ["subscribe", "remove", "desk"],
    ],
)
def test_every_cli_client_connects_with_the_security_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    import aiokafka
    import aiokafka.admin

    from service import broker, cli, demo, kafka_io
    from service.alerts import feed

    recorder = _Recorder()
    for module in (kafka_io, broker, demo, feed, aiokafka, aiokafka.admin):
        for name, kind in [
            ("AIOKafkaProducer", "producer"),
            ("AIOKafkaConsumer", "consumer"),
            ("AIOKafkaAdminClient", "admin"),
        ]:
            if hasattr(module, name):
                monkeypatch.setattr(module, name, recorder.client(kind))
    monkeypatch.setattr(broker, "_accepts_connections", lambda bootstrap: True)
    for name, value in SASL_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("FRONTWATCH_METRICS_PORT", "0")
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a", "text": "Troops arrived in Tartu."}\n')
    with pytest.raises(_Stop):
        cli.main([str(articles) if a == "ARTICLES" else a for a in argv])
    assert recorder.calls, "no Kafka client was built"
    for kind, kwargs in recorder.calls:
        assert kwargs["security_protocol"] == "SASL_PLAINTEXT", kind
        assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512", kind
        assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("frontwatch", SASL_PASSWORD)


def test_lag_measurement_clients_get_the_security_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from service import kafka_io

    recorder = _Recorder()
    monkeypatch.setattr(kafka_io, "AIOKafkaConsumer", recorder.client("consumer"))
    monkeypatch.setattr(kafka_io, "AIOKafkaAdminClient", recorder.client("admin"))
    security = {"security_protocol": "SASL_SSL", "sasl_mechanism": "PLAIN"}
    with pytest.raises(_Stop):
        asyncio.run(kafka_io.partition_lags("127.0.0.1:9", "g", "t", [0], security))
    assert [kind for kind, _ in recorder.calls] == ["consumer", "admin"]
    assert all(kwargs["security_protocol"] == "SASL_SSL" for _, kwargs in recorder.calls)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "TLS"}, "FRONTWATCH_KAFKA_SECURITY_PROTOCOL"),
        ({"FRONTWATCH_KAFKA_SASL_MECHANISM": "GSSAPI"}, "FRONTWATCH_KAFKA_SASL_MECHANISM"),
        ({"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_SSL"}, "needs FRONTWATCH_KAFKA_SASL_USERNAME"),
        (
            {"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "FRONTWATCH_KAFKA_SASL_USERNAME": "u"},
            "needs FRONTWATCH_KAFKA_SASL_PASSWORD",
        ),
        (
            {"FRONTWATCH_KAFKA_SASL_PASSWORD": "x", "FRONTWATCH_KAFKA_SASL_PASSWORD_FILE": "EXISTING"},
            "not both",
        ),
        ({"FRONTWATCH_KAFKA_SASL_PASSWORD_FILE": "/nonexistent/pw"}, "no readable file at /nonexistent/pw"),
        (
            {"FRONTWATCH_KAFKA_SECURITY_PROTOCOL": "SSL", "FRONTWATCH_KAFKA_SSL_CERTFILE": "EXISTING"},
            "go together",
        ),
        ({"FRONTWATCH_KAFKA_SSL_CAFILE": "EXISTING"}, "use SSL or SASL_SSL"),
        ({"FRONTWATCH_LOG_FORMAT": "xml"}, "FRONTWATCH_LOG_FORMAT"),
    ],
)
def test_security_misconfiguration_is_reported_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    existing = tmp_path / "a-file"
    existing.write_text("x")
    for name, value in env.items():
        monkeypatch.setenv(name, value.replace("EXISTING", str(existing)))
    with pytest.raises(ConfigError, match=expected):
        load_settings()
