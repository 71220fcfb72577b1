"""The manager PIN: never stored in the clear, throttled after wrong tries, and the throttle survives a restart."""

from __future__ import annotations

import json
import stat

import pytest

from kiosk.settings.manager_pin import DEMO_PIN, LONGEST_WAIT_S, ManagerPin, PinError


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_pin_is_stored_as_an_scrypt_hash_only_the_user_can_read(tmp_path):
    path = tmp_path / "pin.json"
    ManagerPin(path).set("4321")
    stored = path.read_text()
    assert "4321" not in stored
    assert len(json.loads(stored)["hash"]) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_right_and_wrong(tmp_path):
    pin = ManagerPin(tmp_path / "pin.json")
    pin.set("4321")
    assert pin.verify("4321")
    assert not pin.verify("1234")


def test_wrong_tries_are_throttled_and_a_restart_does_not_reset_that(tmp_path):
    clock = Clock()
    pin = ManagerPin(tmp_path / "pin.json", clock)
    pin.set("4321")
    for _ in range(3):
        assert not pin.verify("0000")
    assert pin.wait_s() == 5
    restarted = ManagerPin(tmp_path / "pin.json", clock)
    with pytest.raises(PinError, match="Try again in 5 s"):
        restarted.verify("4321")  # even the right PIN waits
    clock.now += 5
    assert not restarted.verify("0000")
    assert restarted.wait_s() == 10  # doubling
    clock.now += 10
    assert restarted.verify("4321")
    assert restarted.wait_s() == 0


@pytest.mark.parametrize("bad", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_new_pin_must_be_4_to_8_ascii_digits(tmp_path, bad):
    with pytest.raises(PinError, match="4 to 8 digits"):
        ManagerPin(tmp_path / "pin.json").set(bad)


def test_demo_mode_has_the_documented_pin(tmp_path):
    assert ManagerPin.for_demo(tmp_path / "pin.json").verify(DEMO_PIN)


def test_a_damaged_pin_file_is_a_clear_message(tmp_path):
    path = tmp_path / "pin.json"
    path.write_text("{not json")
    with pytest.raises(PinError, match="cannot be read"):
        ManagerPin(path).verify("1234")


def test_a_clock_set_back_does_not_stretch_the_wait_beyond_its_step(tmp_path):
    """The wait is kept as a wall-clock time so that a restart keeps it; a clock set back two days (a dead
    CMOS battery, a wrong manual fix) must not lock the manager out for two days."""
    clock = Clock()
    pin = ManagerPin(tmp_path / "pin.json", clock)
    pin.set("4321")
    for _ in range(3):
        assert not pin.verify("0000")
    clock.now -= 2 * 24 * 3600
    restarted = ManagerPin(tmp_path / "pin.json", clock)  # the file on disk, read again
    assert restarted.wait_s() == 5  # the step it was given, not two days and five seconds
    with pytest.raises(PinError, match="Try again in 5 s"):
        restarted.verify("4321")
    clock.now += 5
    assert restarted.verify("4321")


def test_no_wait_is_ever_longer_than_the_longest_step(tmp_path):
    clock = Clock()
    pin = ManagerPin(tmp_path / "pin.json", clock)
    pin.set("4321")
    for _ in range(12):  # 5 s doubling reaches the 5-minute cap
        clock.now += pin.wait_s()
        assert not pin.verify("0000")
    assert pin.wait_s() == LONGEST_WAIT_S
    clock.now -= 30 * 24 * 3600
    assert pin.wait_s() == LONGEST_WAIT_S
