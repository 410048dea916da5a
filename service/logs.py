"""Logging for every command: text for people, JSON lines for collectors, secrets redacted in both.

One `logging.config.dictConfig` dictionary serves the CLI and the faust worker (mode's ``Worker`` takes it as
``logging_config``), so faust's and aiokafka's records get the same format and the same redaction as ours.
Redaction works on the finished text of a record (message, exception, extra fields): whatever library logged
a secret, the line written carries ``[REDACTED]`` instead.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.config
from collections.abc import Iterable
from typing import Any

from service.config import Settings

REDACTED = "[REDACTED]"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and goes into the JSON.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Replaces every configured secret in a record's message, exception text and extra string fields."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Longest first, so a secret containing another is replaced whole.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, redact(value, self.secrets))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, RFC 3339), level, logger, message, the ``extra`` fields
    (``article_id``, ``alert_ids``, ``reason`` ...) and the exception, if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str, ensure_ascii=False)


def logging_config(settings: Settings) -> dict[str, Any]:
    """The dictConfig for `settings`: level, format and the redaction filter on the one stderr handler."""
    formatter: dict[str, Any] = (
        {"()": "service.logs.JsonFormatter"} if settings.log_format == "json" else {"format": TEXT_FORMAT}
    )
    level = settings.log_level.upper()
    return {
        "version": 1,
        # Loggers created at import time (ours, faust's) must keep working after configuration.
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "filters": {"redact": {"()": "service.logs.RedactingFilter", "secrets": settings.secret_values()}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["redact"],
            }
        },
        # aiokafka logs every reconnect attempt at INFO; warnings are what an operator needs.
        "loggers": {"aiokafka": {"level": max(logging.WARNING, logging.getLevelName(level))}},
        "root": {"level": level, "handlers": ["default"]},
    }


def configure_logging(settings: Settings) -> None:
    logging.config.dictConfig(logging_config(settings))
