"""Sound cues: a rising two-note chime when a payment is approved, a low double buzz when it fails, so staff
and customers who are not looking at the screen know. PySide6-Essentials has no QtMultimedia, so the two short
WAV files are written once (stdlib `wave`) and handed to the platform's player: `winsound` on Windows,
`afplay` on macOS, PipeWire's, PulseAudio's or ALSA's command-line player on Linux; the system bell otherwise.
"""

from __future__ import annotations

import math
import shutil
import struct
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

RATE = 22_050
# (frequency Hz, seconds) per note; 0 Hz is a pause.
CUES: dict[str, list[tuple[float, float]]] = {
    "approved": [(880.0, 0.12), (1318.5, 0.22)],
    "failed": [(220.0, 0.18), (0.0, 0.06), (220.0, 0.18)],
}
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def write_cue(path: Path, notes: list[tuple[float, float]]) -> Path:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)  # no clicks at the edges
            sample = math.sin(2 * math.pi * frequency * i / RATE) * 0.4 * fade if frequency else 0.0
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


class SoundCues:
    def __init__(self, folder: Path, enabled: bool = True, player: list[str] | None = None) -> None:
        """`player`: the command that plays a WAV file given as its last argument (found if not given)."""
        self.enabled = enabled
        self._folder = folder
        self._player = player if player is not None else _find_player()
        self.played: list[str] = []  # what was asked to play, for the status of the last one

    def file_for(self, cue: str) -> Path:
        path = self._folder / f"cue-{cue}.wav"
        if not path.exists():
            self._folder.mkdir(parents=True, exist_ok=True)
            write_cue(path, CUES[cue])
        return path

    def play(self, cue: str) -> None:
        if not self.enabled or cue not in CUES:
            return
        self.played.append(cue)
        path = self.file_for(cue)
        if sys.platform == "win32":
            import winsound  # Windows' own module: it exists nowhere else, so it cannot sit at the top

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        elif self._player:
            QProcess.startDetached(self._player[0], [*self._player[1:], str(path)])
        else:
            QApplication.beep()


def _find_player() -> list[str]:
    if sys.platform == "darwin":
        return ["afplay"]
    for name in LINUX_PLAYERS:
        found = shutil.which(name)
        if found:
            return [found, "-q"] if name == "aplay" else [found]
    return []
