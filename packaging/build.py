"""Build the stand-alone kiosk folder with PyInstaller (onedir) and smoke-test it.

    .venv/bin/python packaging/build.py               Linux
    .venv\\Scripts\\python packaging\\build.py          Windows
    ... packaging/build.py --smoke-only               test an existing dist/kiosk/ again

It installs PyInstaller into this Python if it is missing (the project's `package` extra) and, on Linux,
binutils if they are missing (as root on Debian); builds the kiosk's translations if the tree has any; builds
`dist/kiosk/` from packaging/kiosk.spec with --clean and --noconfirm; then runs `dist/kiosk/kiosk selftest`
(kiosk-console.exe on Windows) offscreen with a throwaway KIOSK_CONFIG and KIOSK_DATA_DIR: the built program
must start, sell once on its embedded simulator and exit 0. On Linux it runs it a second time on a real X
server (Xvfb, started on a free display and stopped after; installed as root on Debian if missing), through
Qt's xcb plugin as on a counter PC's desktop.

Reproducible: PYTHONHASHSEED is fixed, SOURCE_DATE_EPOCH is the last commit's time (or the one already set), and
every file's time in the folder is set to it. Two builds of the same commit with the same Python and packages
print the same content digest. It prints the build time, the folder's size and that digest; exit status 0 only
if the build and the smoke test passed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kiosk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
FOLDER = DIST / "kiosk"
WINDOWS = os.name == "nt"
PYINSTALLER = "pyinstaller>=6.10"
SMOKE_TIMEOUT_S = 180
X_SERVER_TIME_LIMIT_S = 15  # to start, and to stop


def main(argv: list[str]) -> int:
    smoke_only = "--smoke-only" in argv
    if not smoke_only:
        epoch = source_date_epoch()
        started = time.monotonic()
        build(epoch)
        took = time.monotonic() - started
        say(f"built {FOLDER} in {took:.0f} s")
    if not FOLDER.is_dir():
        say(f"{FOLDER} does not exist; build it first")
        return 1
    say(f"size: {folder_size(FOLDER) / 1e6:.0f} MB in {sum(1 for _ in FOLDER.rglob('*'))} files and folders")
    say(f"content digest: {content_digest(FOLDER)}")
    return smoke_test()


def say(line: str) -> None:
    print(f"build: {line}", flush=True)


def run(command: list[str], **kwargs: object) -> None:
    subprocess.run(command, check=True, **kwargs)  # noqa: S603 - our own commands, no shell


def source_date_epoch() -> int:
    """The time every file in the build says: SOURCE_DATE_EPOCH if set, else the last commit's, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    git = shutil.which("git")
    if git:
        found = subprocess.run(  # noqa: S603
            [git, "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and found.stdout.strip().isdigit():
            return int(found.stdout.strip())
    return int(time.time())


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        say(f"installing {PYINSTALLER} into {sys.prefix}")
        run([sys.executable, "-m", "pip", "install", "--quiet", PYINSTALLER])


def ensure_binutils() -> None:
    """PyInstaller reads and strips Linux libraries with binutils (objdump, strip): installed as root on Debian
    (as dev.py installs the tests' packages), named elsewhere."""
    if WINDOWS or sys.platform == "darwin" or (shutil.which("objdump") and shutil.which("strip")):
        return
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        raise SystemExit(
            "build: PyInstaller needs binutils (objdump, strip); install it (Debian: apt-get install binutils)"
        )
    say("installing Debian's binutils")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run([apt, "install", "-y", "-qq", "binutils"], env=env)


def build_translations() -> None:
    """The kiosk's .qm files are built from the .ts sources, never committed (see kiosk.ui.language.i18n)."""
    if not list((ROOT / "kiosk" / "i18n").glob("*.ts")):
        return
    run([sys.executable, "-m", "kiosk.ui.language.i18n"], cwd=ROOT)


def build(epoch: int) -> None:
    ensure_pyinstaller()
    ensure_binutils()
    build_translations()
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": str(epoch)}
    say(f"building with PyInstaller (SOURCE_DATE_EPOCH={epoch}); a few minutes")
    command = [sys.executable, "-m", "PyInstaller", "--clean", "--noconfirm", "--log-level", "WARN"]
    run([*command, "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)], cwd=ROOT, env=env)
    for path in [*sorted(FOLDER.rglob("*"), reverse=True), FOLDER]:  # contents before their folder
        if not path.is_symlink():
            os.utime(path, (epoch, epoch))
        elif os.utime in os.supports_follow_symlinks:
            os.utime(path, (epoch, epoch), follow_symlinks=False)


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def content_digest(folder: Path) -> str:
    """SHA-256 over every path, link target and file content, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + os.readlink(path).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class XServer:
    """Xvfb, a real X server without a screen, on a display nobody else uses: Xvfb picks a free one itself and
    names it when it accepts connections (-displayfd). Stopped on leaving, within a time limit."""

    def __init__(self, size: str = "1280x1024x24", keep_state: bool = False) -> None:
        """`size`: the screen's width x height x depth. `keep_state`: what clients set (xrandr's monitors, say) stays
        when the last one disconnects (-noreset), where Xvfb would otherwise reset the server."""
        self.display = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._arguments = ["-screen", "0", size, *(["-noreset"] if keep_state else [])]

    def __enter__(self) -> XServer:
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            raise OSError("Xvfb is not installed (Debian: apt-get install xvfb)")
        reader, writer = os.pipe()
        try:
            self.process = subprocess.Popen(  # noqa: S603 - our own command, no shell
                [xvfb, "-displayfd", str(writer), "-nolisten", "tcp", *self._arguments],
                pass_fds=(writer,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.close(writer)
            writer = -1
            self.display = ":" + self._read_display(reader)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        finally:
            os.close(reader)
            if writer >= 0:
                os.close(writer)
        return self

    def _read_display(self, reader: int) -> str:
        said = b""
        deadline = time.monotonic() + X_SERVER_TIME_LIMIT_S
        while not said.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([reader], [], [], left)[0]:
                raise OSError(f"Xvfb did not start within {X_SERVER_TIME_LIMIT_S} s")
            chunk = os.read(reader, 16)
            if not chunk:  # it ended: most often it could not start at all
                raise OSError("Xvfb ended before it accepted connections")
            said += chunk
        return said.decode().strip()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(X_SERVER_TIME_LIMIT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(X_SERVER_TIME_LIMIT_S)


def smoke_test() -> int:
    """The built program, not the source tree: run from a temporary folder, without the venv on any path."""
    program = FOLDER / ("kiosk-console.exe" if WINDOWS else "kiosk")
    static = FOLDER / "_internal" / "kiosk" / "simulator" / "static" / "landing.html"
    if not static.is_file():
        say(f"FAILED: the simulator's pages are not in the build ({static} is missing)")
        return 1
    for ts in sorted((ROOT / "kiosk" / "i18n").glob("kiosk_*.ts")):
        qm = FOLDER / "_internal" / "kiosk" / "i18n" / ts.with_suffix(".qm").name
        if not qm.is_file():
            say(f"FAILED: the {ts.stem} translations are not in the build ({qm} is missing)")
            return 1
    if not selftest_passes(program, {"QT_QPA_PLATFORM": "offscreen"}, ""):
        return 1
    if WINDOWS or sys.platform == "darwin":
        return 0  # the desktop's own window system: there is no X server to start
    missing = ensure_xvfb()
    if missing:
        say(f"FAILED: {missing}")
        return 1
    try:
        with XServer() as x_server:  # a counter PC's desktop draws through X (or Wayland), not offscreen
            screen = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": x_server.display}
            passed = selftest_passes(program, screen, f" on a real X server (Xvfb {x_server.display})")
    except OSError as exc:
        say(f"FAILED: the smoke test on a real X server: {exc}")
        return 1
    return 0 if passed else 1


def ensure_xvfb() -> str:
    """Xvfb for the second smoke test: installed as root on Debian (as binutils is), else what to install."""
    if shutil.which("Xvfb"):
        return ""
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        return "the smoke test on a real X server needs Xvfb; install it (Debian: apt-get install xvfb)"
    say("installing Debian's xvfb")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run([apt, "update", "-qq"], env=env)
    run([apt, "install", "-y", "-qq", "xvfb"], env=env)
    return ""


def selftest_passes(program: Path, screen: dict[str, str], where: str) -> bool:
    """One `selftest` of the built program, drawing where `screen` says, in a throwaway folder."""
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as scratch:
        place = Path(scratch)
        outside = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        env = {k: v for k, v in os.environ.items() if k not in outside}
        env.update(KIOSK_CONFIG=str(place / "config.toml"), KIOSK_DATA_DIR=str(place / "data"), **screen)
        shown = program.relative_to(ROOT) if program.is_relative_to(ROOT) else program
        say(f"smoke test{where}: {shown} selftest")
        started = time.monotonic()
        try:
            result = subprocess.run(  # noqa: S603
                [str(program), "selftest"],
                cwd=place,
                env=env,
                capture_output=True,
                text=True,
                timeout=SMOKE_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            say(f"FAILED: the smoke test{where} did not finish within {SMOKE_TIMEOUT_S} s")
            return False
        took = time.monotonic() - started
        for line in result.stdout.splitlines():
            print(f"  {line}", flush=True)
        ok = result.returncode == 0 and "selftest: OK" in result.stdout.splitlines()
        if ok and (place / "data").exists():
            say("FAILED: selftest wrote to KIOSK_DATA_DIR")
            return False
    if not ok:
        print(result.stderr, file=sys.stderr, flush=True)
        say(f"FAILED: the smoke test{where} exited {result.returncode}")
        return False
    say(f"smoke test{where} passed in {took:.1f} s")
    return True


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
