"""Configuration: `config/tracker.toml` (or `$TRACKER_CONFIG`) with environment overrides.

The TOML file is the contract users edit; the environment carries secrets and per-host
overrides (`TRACKER_DATABASE_URL`, `SLACK_BOT_TOKEN`, `SLACK_WEBHOOK_URL`, `SLACK_API_URL`,
`SLACK_CHANNEL`). Sections that read the environment are pydantic-settings models built
explicitly from their TOML table, so an environment variable always beats the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_CONFIG = Path("config/tracker.toml")

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class ConfigError(Exception):
    """A config problem worth one line to the user: which file, which key, what is wrong."""

    def __init__(self, path: Path | None, key: str, message: str) -> None:
        self.path, self.key, self.message = path, key, message
        where = f"{path}: " if path else ""
        super().__init__(f"{where}{key}: {message}" if key else f"{where}{message}")


def parse_interval(value: str | float | int) -> float:
    """'15m' -> 900.0. Plain numbers are seconds, so TOML users may write either."""
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _INTERVAL.match(value)
        if not match:
            raise ValueError(f"not an interval: {value!r} (use e.g. '30s', '15m', '1h')")
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"]
    if seconds <= 0:
        raise ValueError(f"interval must be positive, got {value!r}")
    return seconds


class _EnvFirst(BaseSettings):
    """pydantic-settings section whose environment variables override values from TOML."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (env_settings, init_settings)


class DatabaseSettings(_EnvFirst):
    model_config = SettingsConfigDict(env_prefix="TRACKER_DATABASE_", extra="forbid")
    url: str = "sqlite:///tracker.db"
    busy_timeout: float = Field(default=30.0, gt=0)  # seconds a SQLite writer waits for the lock


class SlackSettings(_EnvFirst):
    model_config = SettingsConfigDict(env_prefix="SLACK_", extra="forbid")
    channel: str = "#talent-moves"
    bot_token: str | None = None
    webhook_url: str | None = None
    api_url: str | None = None


class SourceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    url: str = Field(min_length=1)
    kind: Literal["rss", "page", "json"] = "rss"
    interval: float = 900.0
    fetch_articles: bool = False
    items_path: str | None = None  # json sources: dotted path to the list of items
    link_pattern: str | None = None  # page sources: regex an article link must match (default: a heuristic)
    enabled: bool = True

    @field_validator("link_pattern")
    @classmethod
    def _check_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from None
        return value

    _check_interval = field_validator("interval", mode="before")(parse_interval)


class OrganizationConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    aliases: list[str] = []


class WatchlistConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    people: list[str] = []
    organizations: list[str] = []


class FlowRuleConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    from_org: str = Field(alias="from")
    to_org: str = Field(alias="to")
    min_count: int = Field(default=2, ge=1)
    window: float = 365 * 86400.0

    _check_window = field_validator("window", mode="before")(parse_interval)


class AlertSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_confidence: float = Field(default=0.6, ge=0.0, le=1.0)
    seniority: list[str] = ["founder", "c-level", "vp", "head"]
    digest: str = "off"
    max_attempts: int = Field(default=5, ge=1)
    dispatch_interval: float = 30.0  # the daemon also sends pending alerts on this schedule
    flows: list[FlowRuleConfig] = []

    _check_dispatch_interval = field_validator("dispatch_interval", mode="before")(parse_interval)

    @field_validator("seniority")
    @classmethod
    def _seniority(cls, value: list[str]) -> list[str]:
        known = ("founder", "c-level", "president", "chair", "vp", "head")
        levels = [v.strip().lower() for v in value]
        unknown = [v for v in levels if v not in known]
        if unknown:
            raise ValueError(f"unknown seniority {', '.join(map(repr, unknown))}; use any of {', '.join(known)}")
        return levels

    @field_validator("digest")
    @classmethod
    def _digest(cls, value: str) -> str:
        if value != "off":
            parse_interval(value)
        return value

    @property
    def digest_seconds(self) -> float | None:
        return None if self.digest == "off" else parse_interval(self.digest)


class DedupSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    window_days: int = Field(default=120, ge=0)


class FetchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 2
    concurrency: int = 20
    cycle_timeout: float = 120.0
    max_items: int = Field(default=200, ge=1)  # new items taken from one listing per poll (newest first)
    user_agent: str = "exec-tracker/0.1 (+https://github.com/exec-tracker)"

    _check_durations = field_validator("timeout", "cycle_timeout", mode="before")(parse_interval)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    config_path: Path | None = None
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    sources: list[SourceConfig] = []
    organizations: list[OrganizationConfig] = []
    watchlist: WatchlistConfig = WatchlistConfig()
    alerts: AlertSettings = AlertSettings()
    dedup: DedupSettings = DedupSettings()
    fetch: FetchSettings = FetchSettings()
    slack: SlackSettings = Field(default_factory=SlackSettings)

    @field_validator("sources")
    @classmethod
    def _unique_source_names(cls, value: list[SourceConfig]) -> list[SourceConfig]:
        """Polling state is keyed by name: two sources sharing one would corrupt each other's ETags."""
        seen: set[str] = set()
        for source in value:
            if source.name in seen:
                raise ValueError(f"source name {source.name!r} is used twice; names must be unique")
            seen.add(source.name)
        return value

    @property
    def base_dir(self) -> Path:
        """Relative paths in the config (demo feeds) are relative to the config file."""
        return self.config_path.parent.resolve() if self.config_path else Path.cwd()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read: {exc.strerror or exc}") from None


def _key(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_settings(path: str | Path | None = None) -> Settings:
    """Read and validate the config; raise ConfigError naming the file and key on any problem.

    An explicitly named file (argument or TRACKER_CONFIG) must exist; the default
    `config/tracker.toml` is optional so `tracker` works from any directory.
    """
    explicit = path or os.environ.get("TRACKER_CONFIG")
    config_path = Path(explicit) if explicit else DEFAULT_CONFIG
    raw: dict[str, Any] = {}
    if config_path.exists() or explicit:
        raw = _read_toml(config_path)
    else:
        config_path = None  # type: ignore[assignment]
    if not isinstance(raw, dict):  # pragma: no cover - tomllib always gives a table
        raise ConfigError(config_path, "", "top level must be a table")
    try:
        sections: dict[str, Any] = dict(raw)
        sections["database"] = DatabaseSettings(**_table(raw, "database", config_path))
        sections["slack"] = SlackSettings(**_table(raw, "slack", config_path))
        return Settings(config_path=config_path, **sections)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        section = exc.title if exc.title in ("DatabaseSettings", "SlackSettings") else ""
        prefix = {"DatabaseSettings": ("database",), "SlackSettings": ("slack",)}.get(section, ())
        raise ConfigError(config_path, _key((*prefix, *loc)), err["msg"]) from None
    except TypeError as exc:
        raise ConfigError(config_path, "", str(exc)) from None


def _table(raw: dict[str, Any], name: str, path: Path | None) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(path, name, "must be a table")
    return value
