"""Accessibility: contrast that passes WCAG AA in both looks, text that grows with the system font, a
high-contrast look, and sound cues for approved and failed payments (which can be muted)."""

from __future__ import annotations

import re
import sys
import wave
from pathlib import Path

import pytest

from kiosk.settings.model import ShopSettings
from kiosk.ui.look.sounds import CUES, RATE, SoundCues
from kiosk.ui.look.theme import HIGH_CONTRAST, PALETTES, contrast_ratio, stylesheet, use_palette
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome


@pytest.fixture(autouse=True)
def standard_look_afterwards():
    yield
    use_palette("standard")


@pytest.mark.parametrize("brand", ["Vipps", "MobilePay"])
@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_text_colour_passes_wcag_aa_on_its_background(name, brand):
    p = use_palette(name, brand)
    pairs = {
        "text": (p.ink, p.background),
        "text in fields": (p.ink, p.surface),
        "status line": (p.muted, p.background),
        "main action": (p.accent_ink, p.accent),
        "errors": (p.error, p.background),
        "buttons": (p.ink, p.button),
        "disabled buttons": (p.disabled_ink, p.disabled_bg),
        **{f"outcome {k}": (colour, p.background) for k, colour in p.outcome.items()},
    }
    failing = {what: round(contrast_ratio(*pair), 2) for what, pair in pairs.items() if contrast_ratio(*pair) < 4.5}
    assert failing == {}


def test_the_contrast_formula_is_wcags():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_text_grows_with_the_system_font_size():
    def sizes(sheet: str) -> list[float]:
        return [float(n) for n in re.findall(r"font-size: ([\d.]+)pt", sheet)]

    normal, large = sizes(stylesheet(9.0)), sizes(stylesheet(18.0))
    assert large == [2 * n for n in normal]


def test_the_high_contrast_look_reaches_the_screens(qtbot, make_window):
    window = make_window(shop=ShopSettings(theme="high-contrast", sounds=False))
    assert "background: #000000" in window.styleSheet()
    window.outcome_screen.show_outcome("PAID", 14950, "", None)
    assert HIGH_CONTRAST.outcome["PAID"] in window.outcome_screen.icon.styleSheet()


def test_the_two_cues_are_real_sound_files_and_differ(tmp_path):
    cues = SoundCues(tmp_path, player=[])
    lengths = {}
    for cue, notes in CUES.items():
        with wave.open(str(cues.file_for(cue))) as sound:
            assert (sound.getnchannels(), sound.getframerate()) == (1, RATE)
            lengths[cue] = sound.getnframes()
            assert lengths[cue] == sum(int(RATE * seconds) for _, seconds in notes)
    assert lengths["approved"] != lengths["failed"]


def _recording_player(tmp_path: Path) -> tuple[list[str], Path]:
    """A real program in the player's place, writing down each file it is asked to play."""
    heard = tmp_path / "heard.txt"
    script = tmp_path / "player.py"
    script.write_text(f"import sys\nopen({str(heard)!r}, 'a').write(sys.argv[-1] + '\\n')\n")
    return [sys.executable, str(script)], heard


def _heard(path: Path) -> list[str]:
    return [Path(line).name for line in path.read_text().splitlines()] if path.exists() else []


def _sell(qtbot, window, sim, phone: str, action: str, outcome: str) -> None:
    charge(qtbot, window, "100")
    type_phone(qtbot, window, phone)
    qtbot.waitUntil(lambda: len(open_requests(sim, phone)) == 1)
    sim.respond(open_requests(sim, phone)[0]["pspTransactionId"], phone, action)
    wait_outcome(qtbot, window, outcome)


def test_approved_chimes_failed_buzzes_and_muted_is_silent(qtbot, make_window, sim, tmp_path):
    window = make_window(shop=ShopSettings(sounds=True))
    player, heard = _recording_player(tmp_path)
    window.sounds = SoundCues(tmp_path / "sounds", player=player)
    window.outcome_screen.outcome_shown.disconnect()
    window.outcome_screen.outcome_shown.connect(window._on_outcome_shown)
    _sell(qtbot, window, sim, "91234567", "approve", "PAID")
    qtbot.waitUntil(lambda: _heard(heard) == ["cue-approved.wav"], timeout=10_000)
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    window.flow.new_sale()
    _sell(qtbot, window, sim, "91234568", "reject", "REJECTED")
    qtbot.waitUntil(lambda: _heard(heard) == ["cue-approved.wav", "cue-failed.wav"], timeout=10_000)
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    window.sounds.enabled = False
    window.flow.new_sale()
    _sell(qtbot, window, sim, "91234569", "approve", "PAID")
    assert window.sounds.played == ["approved", "failed"]
