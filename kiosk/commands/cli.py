"""The `kiosk` command: the GUI (on the embedded simulator in demo mode), the simulator alone, and tools.

The command seam (see kiosk.ui.app, "Where imports go"): each command imports its own modules when it runs, so
`kiosk export` never loads Qt and the kiosk's first frame never waits for the exporter, the doctor, the selftest
or the simulator. What every command needs is imported at the top.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.settings.loading import load_settings
from kiosk.settings.model import COUNTRIES, PAYMENT_APIS, ConfigError, default_api


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="A Vipps counter kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on the embedded Vipps simulator even if credentials are configured",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sim = commands.add_parser("simulator", help="run the Vipps simulator alone and print its base URL")
    sim.add_argument("--host", default="127.0.0.1", help="address to listen on; 0.0.0.0 lets phones on the LAN in")
    sim.add_argument("--port", type=int, default=8765, help="port to listen on (0: any free port)")
    sim.add_argument("--landing-window", type=float, default=300.0, metavar="S", help="landing-page window")
    sim.add_argument("--app-window", type=float, default=300.0, metavar="S", help="in-app approval window")
    sim.add_argument("--batch", action="store_true", help="apply status updates only on POST /_sim/batch/run")
    commands.add_parser("doctor", help="check the settings, secrets, data folder, ledger and the Vipps connection")
    export = commands.add_parser("export", help="write a day's sales as CSV or a one-page PDF report")
    export.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day (local time)")
    export.add_argument("--format", choices=("csv", "pdf"), default="csv")
    export.add_argument("--output", metavar="PATH", help="where to write (default: the data folder's exports/)")
    export.add_argument("--shop", action="store_true", help="the whole shop's day, from the shop database (CSV)")
    export.add_argument("--till", metavar="ID", help="with --shop: only this till's sales")
    selftest = commands.add_parser(
        "selftest",
        help="ring up one demo sale on the embedded simulator, offscreen and in a temporary folder; exit 0 if paid",
    )
    selftest.add_argument(
        "--api",
        choices=PAYMENT_APIS,
        help="the Vipps API the sale goes through (default: psp in Norway, epayment in Denmark and Finland)",
    )
    selftest.add_argument(
        "--country",
        choices=COUNTRIES,
        help="the market whose demo sales unit takes the sale (default: the settings' [shop] country, else NO)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given in ([], ["--demo"]):
        # The kiosk itself, as its unit and the desktop start it: nothing for argparse to parse, whose six
        # parsers (each looking up gettext's catalogues on disk) cost ~2 ms of the first frame.
        return _run_kiosk(demo=bool(given))
    args = _parser().parse_args(given)
    if args.command == "simulator":
        return _run_simulator(args)
    if args.command == "doctor":
        from kiosk.commands.doctor import main as doctor  # the command seam: its own modules, when it runs

        return doctor(args.demo)
    if args.command == "export":
        from kiosk.commands.export import ExportFailed, run_export  # the command seam, as above

        try:
            print(run_export(args.date, args.format, args.output, args.demo, shop=args.shop, till=args.till))
        except ExportFailed as exc:
            return _fail([str(problem) for problem in exc.problems])  # the terminal reads English
        return 0
    if args.command == "selftest":
        country = args.country or _settings_country()
        if args.api == "psp" and country != "NO":
            return _fail([f"--api psp takes payments in Norway only: use --api epayment with --country {country}"])
        try:
            from kiosk.ui.selftest import run_selftest  # the command seam, as above
        except ImportError as exc:  # a broken build (a module or a Qt library missing) says so in one line
            print(f"selftest: FAILED: {type(exc).__name__}: {exc}", flush=True)
            return 1
        return run_selftest(args.api or default_api(country), country)
    return _run_kiosk(args.demo)


def _settings_country() -> str:
    """The country `kiosk selftest` sells in when not told: the settings file's. Nothing else of the file is
    used, and settings that cannot be read (mistakes, a locked keyring) do not stop the self-test of the program:
    it sells in Norway and says so."""
    try:
        return load_settings().shop.country
    except ConfigError:
        print("selftest: the settings cannot be read (kiosk doctor says why); selling in Norway", flush=True)
        return "NO"


def _fail(lines: Sequence[str]) -> int:
    for line in lines:
        print(f"kiosk: {line}", file=sys.stderr)
    return 2


def _run_simulator(args: argparse.Namespace) -> int:
    from kiosk.simulator.demo import DEMO_SALES_UNITS, SimulatorSettings  # the command seam, as above
    from kiosk.simulator.server import SimulatorServer

    if args.landing_window <= 0 or args.app_window <= 0:
        return _fail(["--landing-window and --app-window must be more than 0 seconds"])
    settings = SimulatorSettings(
        landing_window_s=args.landing_window, app_window_s=args.app_window, batch_status_updates=args.batch
    )
    try:
        server = SimulatorServer(args.host, args.port, settings)
    except OSError as exc:
        return _fail([f"cannot listen on {args.host}:{args.port} ({exc.strerror}); pick another --port or --host"])
    print(server.base_url, flush=True)
    units = "; ".join(
        f"{unit.country} MSN {unit.merchant_serial_number}, client_id {unit.client_id}"
        + (f", PSP-Id {unit.psp_id}" if unit.psp_id else "")
        for unit in DEMO_SALES_UNITS.values()
    )
    print(
        f"Vipps simulator: demo sales units {units}. Customer app: {server.base_url}/_sim/app?phone=NNNNNNNN"
        " (a Danish or Finnish customer: the number with its country code). Ctrl-C stops.",
        file=sys.stderr,
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def _run_kiosk(demo: bool) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        return _fail([str(problem) for problem in exc.problems])  # the terminal reads English
    demo = demo or settings.demo
    # The command seam, as above: Qt and the window load only for the GUI, once the settings were read.
    from kiosk.ui.app import run_gui
    from kiosk.ui.qt_start import start_application

    start_application(sys.argv)  # a PC Qt cannot draw on gets one line naming what to install, not Qt's abort
    return run_gui(settings, demo)
