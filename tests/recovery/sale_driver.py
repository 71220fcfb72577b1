"""A kiosk's checkout in a process of its own, for the kill tests: it runs one sale against a simulator and
does exactly what the kiosk does (real provider and client for the API named, real ledger file), so the test can
SIGKILL it at any phase.

    python -m tests.recovery.sale_driver BASE_URL LEDGER_FILE AMOUNT_ORE qr|phone psp|epayment [NO|DK|FI]

The country (Norway unless given) picks the simulator's sales unit and the shop's market: its currency, and the
customer's number pushed in "phone" mode (tests.markets_under_test).
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from pathlib import Path

from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import SaleState
from kiosk.ledger import Ledger
from kiosk.settings.model import KioskSettings
from kiosk.vipps import RetryPolicy, VippsError
from tests.markets_under_test import CASES, unit_settings

KIOSK = KioskSettings(poll_start_delay_s=0, poll_interval_s=0.05)


def main(base_url: str, ledger_file: str, amount: str, mode: str, api: str, country: str = "NO") -> int:
    case = CASES[country]
    vipps = unit_settings(base_url, api, country)
    pause = threading.Event()
    retry = RetryPolicy(attempts=2, base_s=0.01, cap_s=0.05)
    with Ledger.open(Path(ledger_file)) as ledger, make_provider(vipps, retry=retry, market=case.market) as provider:
        session = SaleSession.begin(provider, ledger, vipps, KIOSK, int(amount), "kill test")
        update = session.start_attempt()
        if mode == "phone":
            update = session.start_attempt(case.typed_phone)
        print("started", flush=True)
        give_up_at = time.monotonic() + 120  # a driver whose test is gone must not run forever
        while (update.sale_state is SaleState.OPEN or update.watch or update.pending_writes) and (
            time.monotonic() < give_up_at
        ):
            for tx in sorted(update.watch):
                with contextlib.suppress(VippsError):
                    update = session.observe(tx, provider.read(tx))
            if update.pending_writes:
                update = session.retry_pending_writes()
            pause.wait(KIOSK.poll_interval_s)
        print("done", update.sale_state, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:7]))
