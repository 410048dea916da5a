"""Secrets never leave the process: not in the settings' repr, errors, logs, or the web endpoints."""

from __future__ import annotations

import json
import logging
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from service.config import ConfigError, Settings, load_settings
from service.logs import REDACTED, RedactingFilter, configure_logging

SECRET = "s3cr3t-Pa55w0rd-do-not-show"


@pytest.fixture(autouse=True)
def _sasl_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("FRONTWATCH_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FRONTWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("FRONTWATCH_KAFKA_SASL_USERNAME", "svc-user-77")
    monkeypatch.setenv("FRONTWATCH_KAFKA_SASL_PASSWORD", SECRET)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("aiokafka").level)
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    logging.getLogger("aiokafka").setLevel(saved[2])


def test_settings_repr_str_and_dumps_hide_the_password() -> None:
    settings = load_settings()
    assert settings.sasl_password().get_secret_value() == SECRET
    for shown in (repr(settings), str(settings), settings.model_dump_json(), str(settings.model_dump())):
        assert SECRET not in shown
    assert "**********" in repr(settings)


def test_password_from_a_file_is_not_shown_either(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FRONTWATCH_KAFKA_SASL_PASSWORD")
    (tmp_path / "pw").write_text(SECRET + "\n")
    monkeypatch.setenv("FRONTWATCH_KAFKA_SASL_PASSWORD_FILE", str(tmp_path / "pw"))
    settings = load_settings()
    assert settings.secret_values() == [SECRET]
    assert SECRET not in repr(settings) + settings.model_dump_json()


def test_configuration_errors_do_not_echo_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_METRICS_PORT", "not-a-port")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "FRONTWATCH_METRICS_PORT" in str(caught.value) and SECRET not in str(caught.value)
    # The raw pydantic error, should anyone construct Settings directly, hides inputs too.
    with pytest.raises(ValidationError) as raw:
        Settings(metrics_port="not-a-port")  # type: ignore[arg-type]
    assert SECRET not in str(raw.value) and SECRET not in repr(raw.value.errors())
    # A secret typed into the wrong variable is not echoed either.
    monkeypatch.setenv("FRONTWATCH_KAFKA_SASL_MECHANISM", SECRET)
    with pytest.raises(ConfigError) as wrong:
        load_settings()
    assert "FRONTWATCH_KAFKA_SASL_MECHANISM" in str(wrong.value) and SECRET not in str(wrong.value)


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_logs_redact_the_password_wherever_it_appears(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    log_format: str,
) -> None:
    monkeypatch.setenv("FRONTWATCH_LOG_FORMAT", log_format)
    configure_logging(load_settings())
    log = logging.getLogger("some.library")
    log.warning("connecting with password %s", SECRET)
    log.warning(f"inline {SECRET}")
    log.warning("in extra", extra={"article_id": "a1", "detail": f"pw={SECRET}"})
    try:
        raise RuntimeError(f"authentication failed for {SECRET}")
    except RuntimeError:
        log.exception("failure")
    err = capsys.readouterr().err
    assert SECRET not in err
    assert err.count(REDACTED) >= (4 if log_format == "json" else 3)  # text shows no extra fields
    if log_format == "json":
        lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
        assert {line["message"] for line in lines} >= {"connecting with password [REDACTED]", "failure"}
        assert any(line.get("article_id") == "a1" for line in lines)
        assert any("exception" in line for line in lines)


def test_redaction_prefers_the_longest_secret() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "pw=abcdef and abc", None, None)
    RedactingFilter(["abc", "abcdef"]).filter(record)
    assert record.getMessage() == f"pw={REDACTED} and {REDACTED}"


def test_cli_error_messages_are_redacted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    """An error that quotes the password (a broker's reply, a library's message) is printed without it."""
    from aiokafka.errors import KafkaConnectionError

    from service import cli, kafka_io

    async def failing_read(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        raise KafkaConnectionError(f"SASL authentication failed with password {SECRET}")
        yield  # pragma: no cover - an async generator, like the real one

    monkeypatch.setattr(kafka_io, "read_topic", failing_read)
    monkeypatch.setenv("FRONTWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9")
    assert cli.main(["tail", "alerts.all"]) == 1
    err = capsys.readouterr().err
    assert "SASL authentication failed" in err and SECRET not in err and REDACTED in err


def test_web_endpoints_show_no_secret_and_no_configuration() -> None:
    from service import metrics
    from service.web import Health, WebServer

    settings = load_settings()
    metrics.init_metrics()
    health = Health()
    server = WebServer("127.0.0.1", 0, health).start()
    try:
        for path in ("/metrics", "/healthz", "/readyz", "/nope"):
            url = f"http://127.0.0.1:{server.port}{path}"
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - loopback test server
                    body = resp.read().decode()
            except urllib.error.HTTPError as exc:
                body = exc.read().decode()
            assert SECRET not in body, path
            assert settings.sasl_username() not in body, path
    finally:
        server.close()
