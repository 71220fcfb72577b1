"""[kiosk] customer_display: "auto" (the default), "none", or a screen's name as Qt reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_is_auto(tmp_path):
    assert load_settings(_write(tmp_path, "[kiosk]\n")).kiosk.customer_display == "auto"


@pytest.mark.parametrize("written", ["auto", "none", "HDMI-1", "DP-2", "Dell U2419H  (2)"])
def test_auto_none_or_a_screen_name_is_kept_as_written(tmp_path, written):
    settings = load_settings(_write(tmp_path, f'[kiosk]\ncustomer_display = "{written}"\n'))
    assert settings.kiosk.customer_display == written


@pytest.mark.parametrize("written", ['""', '"   "', "2", "true", '["HDMI-1"]', '"HDMI-1\\n"', '"' + "x" * 101 + '"'])
def test_anything_else_is_one_line_naming_the_key_and_the_choices(tmp_path, written):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, f"[kiosk]\ncustomer_display = {written}\n"))
    (line,) = str(caught.value).splitlines()
    assert line.startswith(
        'config.toml: [kiosk] customer_display must be "auto", "none" or the name of a screen as the settings '
        "screen lists it (got "
    ), line
    assert "\n" not in line
