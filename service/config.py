"""The one settings class: every knob of the stream layer, typed and validated once at start.

Values come from the environment (prefix ``FRONTWATCH_``), so the same image runs against the embedded Tansu
broker in the demo and tests and against any Apache Kafka cluster in production. The defaults suit both:
the broker-compatibility knobs (short rebalance timeout, no idempotent producer) are plain Kafka settings
that are also valid, only less usual, on a production cluster.
"""

from __future__ import annotations

import re
import tempfile
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_HOST_PORT = re.compile(r"^[A-Za-z0-9_.\-\[\]:]+:\d{1,5}$")

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


def _read_secret_file(path: Path) -> str:
    """A mounted secret (Kubernetes secret volume, Docker secret): the file, one trailing newline off."""
    return path.read_text(encoding="utf-8").removesuffix("\n").removesuffix("\r")


class ConfigError(RuntimeError):
    """Raised when the environment holds an invalid configuration; the message names every bad variable."""


class Settings(BaseSettings):
    """Configuration of the worker, the CLI and the embedded broker."""

    # hide_input_in_errors: a ValidationError must never echo a value, since some values are secrets.
    model_config = SettingsConfigDict(
        env_prefix="FRONTWATCH_", frozen=True, extra="ignore", hide_input_in_errors=True
    )

    kafka_bootstrap: str | None = Field(
        default=None,
        description="host:port[,host:port...] of an existing Kafka cluster. Unset: commands that need a "
        "broker (demo, tests) start the embedded Tansu broker instead.",
    )
    kafka_security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT",
        description="How clients connect: PLAINTEXT, SSL (TLS), SASL_PLAINTEXT or SASL_SSL.",
    )
    kafka_sasl_mechanism: SaslMechanism = Field(
        default="PLAIN", description="SASL mechanism for the SASL_* protocols."
    )
    kafka_sasl_username: str | None = None
    kafka_sasl_username_file: Path | None = Field(
        default=None, description="File holding the SASL user name (a mounted secret)."
    )
    kafka_sasl_password: SecretStr | None = None
    kafka_sasl_password_file: Path | None = Field(
        default=None, description="File holding the SASL password (a mounted secret)."
    )
    kafka_ssl_cafile: Path | None = Field(
        default=None, description="PEM bundle of the CAs that sign the brokers' certificates (else system)."
    )
    kafka_ssl_certfile: Path | None = Field(default=None, description="Client certificate (PEM), for mTLS.")
    kafka_ssl_keyfile: Path | None = Field(default=None, description="Client private key (PEM), for mTLS.")
    kafka_ssl_key_password: SecretStr | None = None
    kafka_ssl_key_password_file: Path | None = None
    kafka_ssl_check_hostname: bool = Field(
        default=True, description="Check that the broker certificate names the host connected to."
    )
    app_id: str = Field(
        default="frontwatch",
        pattern=r"^[A-Za-z0-9._\-]+$",
        description="Kafka consumer group id of the worker and prefix of faust's internal topics.",
    )

    input_topic: str = "articles"
    dlq_topic: str = "articles.dlq"
    alerts_territorial_control_topic: str = "alerts.territorial-control"
    alerts_deployment_topic: str = "alerts.deployment"
    alerts_all_topic: str = "alerts.all"
    subscriptions_topic: str = Field(
        default="subscriptions",
        description="Compacted topic of subscriptions: key = subscription id, value = JSON, tombstone removes.",
    )
    subscriptions_file: Path | None = Field(
        default=None, description="YAML file of subscriptions the worker puts on the topic at start."
    )
    correlation_window_hours: float = Field(
        default=72.0, gt=0, description="Reports of one place and side this close in time are one event."
    )
    correlation_partitions: int = Field(
        default=4, ge=1, description="Partitions of the re-keyed reports topic and the correlation changelog."
    )
    consumer_fetch_max_wait_ms: int = Field(
        default=100,
        ge=1,
        le=30_000,
        description="How long the worker's consumer lets the broker hold a fetch for more data. faust fixes "
        "1500; Tansu holds every fetch that long, which adds 1.5 s to each of an alert's two hops.",
    )
    producer_max_batch_bytes: int = Field(
        default=1,
        ge=1,
        description="Batch size of the worker's producer. 1 puts every record in its own batch: Tansu "
        "answers ListOffsets with the base offset of a partition's last batch + 1, so with batches faust's "
        "changelog recovery stops short and restores stale correlation state. 16384 (Kafka's default) is "
        "safe on Apache Kafka and faster.",
    )
    producer_request_timeout_s: float = Field(
        default=30.0,
        gt=0,
        le=3600,
        description="How long the producer tries one delivery (metadata wait and its own retries) before "
        "it reports an error; the worker then retries with backoff. faust's own default is 20 minutes.",
    )
    publish_retry_initial_backoff_s: float = Field(
        default=0.5, gt=0, description="Wait before the first retry of a failed publish; doubles each time."
    )
    publish_retry_max_backoff_s: float = Field(
        default=30.0, gt=0, description="Longest wait between two retries of a failed publish."
    )
    subscriber_publish_attempts: int = Field(
        default=3,
        ge=1,
        description="Attempts to publish to one subscriber's topic before that alert goes to the dead-letter "
        "topic (reason undeliverable), so one broken subscriber topic cannot stop everyone's alerts; for "
        "FRONTWATCH_PUBLISH_RETRY_MAX_BACKOFF_S after that, its alerts go there without an attempt. The "
        "default alert topics, the reports and the dead-letter topic are retried until they succeed.",
    )

    input_partitions: int = Field(default=4, ge=1)
    alert_partitions: int = Field(default=4, ge=1)
    dlq_partitions: int = Field(default=1, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    create_topics: bool = Field(default=True, description="Create missing topics at worker start.")

    max_article_bytes: int = Field(
        default=1_000_000, ge=1024, description="Larger input messages go to the dead-letter topic."
    )
    dlq_max_value_bytes: int = Field(
        default=512_000,
        ge=1024,
        description="Dead-lettered values are cut to this size (header "
        "dlq_original_size keeps the real one) so they fit Kafka's default "
        "1 MB message limit.",
    )
    consumer_max_fetch_bytes: int = Field(
        default=8 * 1024 * 1024,
        ge=1024,
        description="Per-partition fetch size; above max_article_bytes so "
        "an oversized article is read and dead-lettered, not stuck.",
    )

    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9464, ge=0, le=65535, description="0 disables the /metrics server.")

    rebalance_timeout_s: float = Field(default=5.0, gt=0)
    session_timeout_s: float = Field(default=10.0, gt=0)
    heartbeat_interval_s: float = Field(default=1.0, gt=0)
    auto_offset_reset: Literal["earliest", "latest"] = "earliest"
    commit_interval_s: float = Field(default=1.0, gt=0)

    publish_background: bool = Field(
        default=False, description="Also alert on events the article only recalls as background (not news)."
    )
    data_dir: Path = Field(
        default_factory=lambda: Path(tempfile.gettempdir()) / "frontwatch-data",
        description="faust's working directory for the worker.",
    )
    alert_source: str = Field(
        default="urn:frontwatch:worker",
        min_length=1,
        description="CloudEvents ce_source of published alerts.",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["text", "json"] = Field(
        default="text", description="json: one JSON object per line, for log collectors."
    )
    lag_interval_s: float = Field(
        default=10.0, gt=0, description="How often the worker measures its consumer lag (and the broker)."
    )

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.kafka_bootstrap is not None:
            hosts = [h.strip() for h in self.kafka_bootstrap.split(",")]
            bad = [h for h in hosts if not _HOST_PORT.match(h)]
            if bad:
                raise ValueError(f"kafka_bootstrap must be host:port[,host:port...], got {bad}")
        if self.heartbeat_interval_s * 3 > self.session_timeout_s:
            raise ValueError("heartbeat_interval_s must be at most a third of session_timeout_s")
        topics = self.topics_in_use()
        if len(set(topics)) != len(topics):
            raise ValueError(f"topic names must be distinct, got {topics}")
        if self.dlq_max_value_bytes > self.max_article_bytes:
            raise ValueError("dlq_max_value_bytes must not exceed max_article_bytes")
        self._check_security()
        return self

    def _check_security(self) -> None:
        """Fail at start, naming the variable, when a connection mode lacks what it needs.

        Messages name variables and paths, never values: some values are secrets.
        """
        for name in ("sasl_username", "sasl_password", "ssl_key_password"):
            if getattr(self, f"kafka_{name}") is not None and getattr(self, f"kafka_{name}_file") is not None:
                raise ValueError(
                    f"set FRONTWATCH_KAFKA_{name.upper()} or FRONTWATCH_KAFKA_{name.upper()}_FILE, not both"
                )
        for name in (
            "kafka_sasl_username_file",
            "kafka_sasl_password_file",
            "kafka_ssl_key_password_file",
            "kafka_ssl_cafile",
            "kafka_ssl_certfile",
            "kafka_ssl_keyfile",
        ):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ValueError(f"FRONTWATCH_{name.upper()}: no readable file at {path}")
        protocol = self.kafka_security_protocol
        if protocol.startswith("SASL_"):
            if not self.sasl_username():
                raise ValueError(
                    f"{protocol} needs FRONTWATCH_KAFKA_SASL_USERNAME or FRONTWATCH_KAFKA_SASL_USERNAME_FILE"
                )
            if not self.sasl_password().get_secret_value():
                raise ValueError(
                    f"{protocol} needs FRONTWATCH_KAFKA_SASL_PASSWORD or FRONTWATCH_KAFKA_SASL_PASSWORD_FILE"
                )
        if (self.kafka_ssl_certfile is None) != (self.kafka_ssl_keyfile is None):
            raise ValueError("FRONTWATCH_KAFKA_SSL_CERTFILE and FRONTWATCH_KAFKA_SSL_KEYFILE go together")
        tls_only = [
            n
            for n in ("kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile")
            if getattr(self, n) is not None
        ]
        if tls_only and protocol not in ("SSL", "SASL_SSL"):
            raise ValueError(
                f"FRONTWATCH_{tls_only[0].upper()} is set but FRONTWATCH_KAFKA_SECURITY_PROTOCOL is "
                f"{protocol}; use SSL or SASL_SSL"
            )

    def sasl_username(self) -> str | None:
        """From the variable or, re-read at each call (rotation on restart), from the mounted file."""
        if self.kafka_sasl_username_file is not None:
            return _read_secret_file(self.kafka_sasl_username_file).strip()
        return self.kafka_sasl_username

    def sasl_password(self) -> SecretStr:
        if self.kafka_sasl_password_file is not None:
            return SecretStr(_read_secret_file(self.kafka_sasl_password_file))
        return self.kafka_sasl_password or SecretStr("")

    def ssl_key_password(self) -> SecretStr | None:
        if self.kafka_ssl_key_password_file is not None:
            return SecretStr(_read_secret_file(self.kafka_ssl_key_password_file))
        return self.kafka_ssl_key_password

    def secret_values(self) -> list[str]:
        """Every secret this configuration holds, for the log redaction filter."""
        found = [self.sasl_password().get_secret_value()]
        key_password = self.ssl_key_password()
        if key_password is not None:
            found.append(key_password.get_secret_value())
        return [s for s in found if s]

    def topics_in_use(self) -> list[str]:
        return [
            self.input_topic,
            self.dlq_topic,
            self.alerts_territorial_control_topic,
            self.alerts_deployment_topic,
            self.alerts_all_topic,
            self.subscriptions_topic,
        ]

    @property
    def reports_topic(self) -> str:
        """Internal: detected events re-keyed by place, so one place's reports meet on one worker."""
        return f"{self.app_id}-reports-by-place"

    @property
    def correlation_changelog_topic(self) -> str:
        """faust's changelog of the correlation table (`<app id>-<table>-changelog`)."""
        return f"{self.app_id}-correlation-changelog"

    @property
    def compacted_topics(self) -> frozenset[str]:
        """Topics that hold state by key: Kafka keeps the latest record of each key."""
        return frozenset({self.subscriptions_topic, self.correlation_changelog_topic})

    @cached_property
    def topic_partitions(self) -> dict[str, int]:
        """Every topic the worker needs, with its partition count, including faust's own leader topic."""
        return {
            self.input_topic: self.input_partitions,
            self.dlq_topic: self.dlq_partitions,
            self.alerts_territorial_control_topic: self.alert_partitions,
            self.alerts_deployment_topic: self.alert_partitions,
            self.alerts_all_topic: self.alert_partitions,
            self.subscriptions_topic: 1,
            self.reports_topic: self.correlation_partitions,
            self.correlation_changelog_topic: self.correlation_partitions,
            f"{self.app_id}-__assignor-__leader": 1,
        }

    def alert_topic_for(self, event_type: str) -> str:
        return {
            "territorial_control": self.alerts_territorial_control_topic,
            "deployment": self.alerts_deployment_topic,
        }[event_type]

    def with_bootstrap(self, bootstrap: str) -> Settings:
        return self.model_copy(update={"kafka_bootstrap": bootstrap})


def load_settings(**overrides: object) -> Settings:
    """Read the environment, turning pydantic's error into one readable message per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            name = f"FRONTWATCH_{field.upper()}" if field else "configuration"
            lines.append(f"  {name}: {err['msg']}")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from None
