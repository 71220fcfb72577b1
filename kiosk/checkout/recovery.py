"""At start, before the first new sale: settle every sale a crash left unsettled, and resend refunds that got
no answer. Runs off the GUI thread; talks to Vipps, so it can take as long as Vipps does."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from kiosk.checkout.refunds import resend_pending_refunds
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import SaleState
from kiosk.config import KioskSettings, VippsSettings
from kiosk.ledger import Ledger
from kiosk.vipps import VippsClient

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    settled: list[int] = field(default_factory=list)
    needs_check: list[int] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.settled and not self.needs_check:
            return ""
        text = f"Settled {len(self.settled)} sale(s) left unfinished."
        if self.needs_check:
            text += f" {len(self.needs_check)} need checking in the back office."
        return text


def recover(client: VippsClient, ledger: Ledger, vipps: VippsSettings, kiosk: KioskSettings) -> RecoveryReport:
    report = RecoveryReport()
    for sale in ledger.unsettled_sales():
        update = SaleSession.resume(client, ledger, vipps, kiosk, sale).recover()
        if update.sale_state is SaleState.NEEDS_CHECK:
            report.needs_check.append(sale.id)
        else:
            report.settled.append(sale.id)
        log.info("recovered sale %s: %s", sale.id, update.sale_state)
    resend_pending_refunds(client, ledger)
    return report
