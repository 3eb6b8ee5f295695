"""The typed settings object: defaults, environment overrides, bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.errors import InputError
from stancegraph.settings import Settings


def test_defaults_and_env_overrides() -> None:
    s = Settings.from_env({})
    assert s.host == "127.0.0.1" and s.allow_update is False
    s = Settings.from_env(
        {
            "STANCEGRAPH_STORE": "/x/y",
            "STANCEGRAPH_PORT": "9001",
            "STANCEGRAPH_ALLOW_UPDATE": "yes",
            "STANCEGRAPH_CORS_ORIGINS": "https://a.example, https://b.example",
        }
    )
    assert s.store == Path("/x/y") and s.port == 9001 and s.allow_update is True
    assert s.cors_origins == ("https://a.example", "https://b.example")
    assert Settings.from_env({"STANCEGRAPH_PORT": "1"}, port=2).port == 2


def test_bad_value_is_an_input_error() -> None:
    with pytest.raises(InputError, match="STANCEGRAPH_PORT"):
        Settings.from_env({"STANCEGRAPH_PORT": "eighty"})


def test_every_setting_has_help() -> None:
    for name, _default, help_text in Settings.describe():
        assert help_text, name
