"""The counter's flow: amount -> customer screen -> outcome -> a fresh sale. Screens emit intents; this
object turns them into sale runs and shows what the runs report."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QStackedWidget

from kiosk.checkout.states import Outcome
from kiosk.checkout.updates import SaleUpdate
from kiosk.checkout.waiting_words import checking_after_time_up, no_answer_yet
from kiosk.domain.market import NORWAY
from kiosk.domain.message import Message
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.ui.closing import CLOSE_S, Deadline
from kiosk.ui.countdown import Countdown
from kiosk.ui.language.i18n import restore_shop_language, shop_market, show_language
from kiosk.ui.screens.amount_screen import AmountScreen
from kiosk.ui.screens.customer_display import CustomerDisplay
from kiosk.ui.screens.customer_screen import CustomerScreen
from kiosk.ui.screens.outcome_screen import OutcomeScreen
from kiosk.ui.screens.staff_sale_screen import StaffSaleScreen
from kiosk.ui.workers.sale_run import SaleRun

# The status line says Messages, shown in the language on screen (see kiosk.ui.language.messages).
READY_TEXT = Message("Ready. Type the amount and press Enter.")
# The share of the closing deadline the runs get to finish by themselves (the open sale's cancel reaching
# Vipps, say) before they are cut off.
GRACE_SHARE = 0.5
log = logging.getLogger(__name__)


class CheckoutFlow(QObject):
    """Signals: status_changed(object Message): the one line that says what is happening now (screen readers
    hear it), to be shown translated; runs_changed(int): how many sale runs are still at work in the background.

    A customer may switch the screen to the other language for their sale; the next sale starts in the shop's."""

    status_changed = Signal(object)
    runs_changed = Signal(int)

    def __init__(
        self,
        stack: QStackedWidget,
        amount_screen: AmountScreen,
        customer_screen: CustomerScreen,
        outcome_screen: OutcomeScreen,
        kiosk: KioskSettings,
        ledger_file: Path,
    ) -> None:
        super().__init__(stack)
        self._stack = stack
        self._amount = amount_screen
        self._customer = customer_screen
        self._outcome = outcome_screen
        self._kiosk = kiosk
        self._ledger_file = ledger_file
        self._vipps: VippsSettings | None = None
        self.shop_name = ""  # what Vipps shows for a payment begins with it (kiosk.checkout.payment_text)
        self.market = NORWAY  # the shop's (ShopSettings.market): each sale's currency and phone rules
        self._run: SaleRun | None = None  # the sale on screen
        self._runs: set[SaleRun] = set()  # every run still at work, the one on screen included
        self._shown_tx: str | None = None
        self._notice: Message | None = None
        self._status: Message | str = ""  # what the status line says now
        self._qr_matrix: tuple[str, list[list[bool]] | None] = ("", None)
        self._countdown = Countdown(self)
        self._closing: Deadline | None = None
        self._left_running: list[SaleRun] = []  # at the deadline: kept referenced, never destroyed running
        # The customer's own screen, when there is one (kiosk.ui.screens.customer_display); the staff then watch the
        # sale on `_staff_view`.
        self._display: CustomerDisplay | None = None
        self._staff_view: StaffSaleScreen | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._amount.charge_requested.connect(self._on_charge)
        self._customer.phone_submitted.connect(self._on_phone)
        self._customer.cancel_requested.connect(self._on_cancel)
        self._customer.language_requested.connect(self._on_language_requested)
        self._outcome.new_sale_requested.connect(self._on_new_sale)
        self._countdown.ticked.connect(self._customer.show_time_left)
        self._countdown.expired.connect(self._on_countdown_expired)
        self.status_changed.connect(self._on_status_said)

    # ---- set-up ------------------------------------------------------------------------------------------------

    def connect_vipps(self, vipps: VippsSettings) -> None:
        self._vipps = vipps
        self._amount.set_ready(True)
        if self._notice is None:
            self.status_changed.emit(READY_TEXT)
        else:
            self.status_changed.emit(Message("Ready. Type the amount and press Enter. {notice}", notice=self._notice))

    def use_customer_display(self, display: CustomerDisplay, staff_view: StaffSaleScreen) -> None:
        """Two screens: each sale's customer screen goes to `display` while it has a screen, and the staff
        follow it on `staff_view` (a screen of the stack)."""
        self._display = display
        self._staff_view = staff_view
        staff_view.cancel_requested.connect(self._on_cancel)
        self._countdown.ticked.connect(staff_view.show_time_left)
        self._customer.phone_submitted.connect(lambda _phone: staff_view.show_sending())
        display.lost.connect(self._on_display_lost)
        display.appeared.connect(self._on_display_appeared)
        display.place()

    @property
    def sale_on_screen(self) -> bool:
        """A sale waits for the customer: on the customer screen here, or on the customer's own screen."""
        return self._stack.currentWidget() in (self._customer, self._staff_view)

    def _show_customer(self) -> None:
        """The sale's customer screen where the customer is: their own screen, else the staff's."""
        display = self._display
        if display is not None and self._staff_view is not None and display.in_use:
            self._stack.removeWidget(self._customer)
            self._customer.set_on_own_screen(True)
            display.show_sale(self._customer)
            self._stack.setCurrentWidget(self._staff_view)
        else:
            self._stack.setCurrentWidget(self._customer)

    def _take_customer_back(self) -> None:
        """The customer screen back in the staff's stack (from a display that lost its screen or a sale ended)."""
        if self._display is not None and self._display.give_back(self._customer):
            self._customer.set_on_own_screen(False)
            self._stack.addWidget(self._customer)

    @Slot()
    def _on_display_lost(self) -> None:
        """The customer's screen was unplugged: the sale goes on on the staff's, with its QR and countdown."""
        waiting = self._stack.currentWidget() is self._staff_view
        self._take_customer_back()
        if waiting:
            self._stack.setCurrentWidget(self._customer)

    @Slot()
    def _on_display_appeared(self) -> None:
        """A screen plugged in: between sales the customer meets it at once; a sale under way stays where it is
        (it is used from the next sale)."""
        if self._display is not None and self._run is None and self._stack.currentWidget() is self._amount:
            self._display.place()

    def set_startup_notice(self, notice: Message | None) -> None:
        """What start-up settled from before (a crash, a power cut), said once with the first "Ready"."""
        self._notice = notice

    def new_sale(self, typed: str = "") -> None:
        self._countdown.stop()
        self._outcome.stop_timer()
        self._run = None
        self._shown_tx = None
        restore_shop_language()  # before the amount screen shows: the next customer meets the shop's language
        self._amount.reset()
        if self._display is not None:
            self._take_customer_back()
            self._display.place()  # a screen plugged in during the last sale is used from this one
        if typed:
            self._amount.amount_input.insert(typed)
        self._stack.setCurrentWidget(self._amount)
        if self._vipps is not None:
            self.status_changed.emit(READY_TEXT)

    @property
    def active_runs(self) -> int:
        return len(self._runs)

    def cancel_open_sale(self) -> None:
        """Closing time or a test's end: a sale still waiting for the customer is cancelled, at Vipps too."""
        if self._run is not None:
            self._on_cancel()

    def close(self, deadline: Deadline | None = None) -> Deadline:
        """Closing the kiosk, once, against one deadline (made here unless given): cancel the open sale, give
        the runs part of the time to finish their writes, then cut off every run still at work together and
        wait for them with what is left. The ledger keeps whatever is unfinished for the next start. Returns
        the deadline, for the rest of closing to share."""
        if self._closing is not None:
            return self._closing
        self._closing = deadline = deadline or Deadline(CLOSE_S)
        self.cancel_open_sale()
        self._run = None
        self._countdown.stop()
        grace_ms = int(deadline.remaining_s() * GRACE_SHARE * 1000)
        if self._runs and grace_ms > 0:
            waiting = QEventLoop()
            ended = self.runs_changed.connect(lambda running: running == 0 and waiting.quit())
            QTimer.singleShot(grace_ms, waiting.quit)
            waiting.exec()
            QObject.disconnect(ended)
        runs = list(self._runs)
        for run in runs:
            run.abort()
        self._left_running = [run for run in runs if not run.wait(deadline)]
        if self._left_running:
            log.warning("%d sale run(s) still at work when closing time was up", len(self._left_running))
        self._runs.clear()
        return deadline

    @property
    def left_running(self) -> int:
        """Sale runs whose threads were still at work when closing time was up."""
        return len(self._left_running)

    # ---- intents from the screens --------------------------------------------------------------------------------

    @Slot(int, str)
    def _on_charge(self, amount_ore: int, payment_text: str) -> None:
        if self._vipps is None or self._run is not None:
            return
        run = SaleRun(
            self._vipps,
            self._kiosk,
            self._ledger_file,
            amount_ore,
            payment_text,
            self,
            shop_name=self.shop_name,
            market=self.market,
        )
        run.qr_made.connect(self._on_qr_made)
        run.updated.connect(self._on_updated)
        run.poll_failed.connect(self._on_poll_failed)
        run.polled.connect(self._on_polled)
        run.broken.connect(self._on_broken)
        run.ended.connect(self._on_run_ended)
        self._run = run
        self._runs.add(run)
        self.runs_changed.emit(len(self._runs))
        self._customer.start_sale(amount_ore)
        if self._staff_view is not None:
            self._staff_view.start_sale(amount_ore)
        self._show_customer()
        self.status_changed.emit(Message("Starting the payment…"))
        run.start()

    @Slot(str)
    def _on_phone(self, phone: str) -> None:
        if self._run is not None:
            self.status_changed.emit(Message("Sending the payment to the customer's phone…"))
            self._run.send_to_phone(phone)

    def scan_personal_qr(self, code: str) -> bool:
        """A customer's personal QR, scanned at the counter (kiosk.ui.scan_input): pushed to their app, and the
        attempt on show superseded once it exists, as for a typed number. False when no sale waits for the
        customer (none open, or its first attempt not yet shown)."""
        if self._run is None or self._shown_tx is None:
            return False
        self.status_changed.emit(Message("Sending the payment to the customer's app…"))
        self._run.send_personal_qr(code)
        return True

    @Slot()
    def _on_cancel(self) -> None:
        if self._run is not None:
            self.status_changed.emit(Message("Cancelling…"))
            self._countdown.stop()
            self._run.cancel()

    @Slot(str)
    def _on_language_requested(self, language: str) -> None:
        """The customer's choice, for this sale only: every screen retranslates itself (Qt tells them)."""
        if self.sale_on_screen:
            show_language(language)

    @Slot(str)
    def _on_new_sale(self, typed: str) -> None:
        if self._stack.currentWidget() is self._outcome:
            self.new_sale(typed)

    @Slot()
    def _on_countdown_expired(self) -> None:
        if self._run is not None and self._shown_tx is not None:
            self.status_changed.emit(checking_after_time_up(shop_market()))
            self._run.expire(self._shown_tx)

    # ---- reports from the run --------------------------------------------------------------------------------

    @Slot(str, object)
    def _on_qr_made(self, landing_url: str, matrix: list[list[bool]]) -> None:
        self._qr_matrix = (landing_url, matrix)

    @Slot(object)
    def _on_updated(self, update: SaleUpdate) -> None:
        if self.sender() is not self._run:
            return  # a background run finishing its writes; the screen has moved on
        if update.attempt is not None:
            attempt = update.attempt
            self._shown_tx = attempt.psp_transaction_id
            if attempt.channel == "PERSONAL_QR":
                self._customer.show_sent_to_app()
                if self._staff_view is not None:
                    self._staff_view.show_sent_to_app()
            elif attempt.channel == "PHONE" and attempt.phone_masked:
                self._customer.show_sent_to_phone(attempt.phone_masked)
                if self._staff_view is not None:
                    self._staff_view.show_sent_to_phone(attempt.phone_masked)
            elif attempt.landing_url:
                url, matrix = self._qr_matrix
                self._customer.show_qr(attempt.landing_url, matrix if url == attempt.landing_url else None)
                if self._staff_view is not None:
                    self._staff_view.show_qr()
            self._countdown.start(attempt.window_s, attempt.landing_s)
        if update.outcome is None:
            self._customer.set_phone_entry_enabled(self._shown_tx is not None)
            self.status_changed.emit(update.message)
        elif update.outcome is Outcome.NO_ANSWER:
            self.status_changed.emit(no_answer_yet(shop_market()))
        else:
            self._show_outcome(update)

    @Slot(str, str)
    def _on_poll_failed(self, tx: str, _message: str) -> None:
        if self._about_shown_attempt(tx):
            self.status_changed.emit(no_answer_yet(shop_market()))

    @Slot(str)
    def _on_polled(self, tx: str) -> None:
        # A read that worked again ends "no answer". Only that: other news on the line (the ledger cannot be
        # written, Vipps refused a phone number) stays until the sale's worker says otherwise.
        if self._about_shown_attempt(tx) and self._countdown.running and self._status == no_answer_yet(shop_market()):
            self.status_changed.emit(Message("Waiting for the customer"))

    @Slot(object)
    def _on_status_said(self, text: Message | str) -> None:
        self._status = text

    def _about_shown_attempt(self, tx: str) -> bool:
        """Only the attempt on screen may change the status line; the others are background work."""
        return self.sender() is self._run and tx == self._shown_tx and self.sale_on_screen

    @Slot(object)
    def _on_broken(self, message: Message | str) -> None:
        if self.sender() is self._run:
            self._countdown.stop()
            self._outcome.show_outcome(Outcome.NOT_STARTED, self._run.amount_ore, message, None)
            self._show_outcome_to_customer(Outcome.NOT_STARTED, self._run.amount_ore, message)
            self._stack.setCurrentWidget(self._outcome)
            self._run = None
            self.status_changed.emit(message)

    @Slot()
    def _on_run_ended(self) -> None:
        run = self.sender()
        if run in self._runs:
            self._runs.discard(run)
            run.deleteLater()
        self.runs_changed.emit(len(self._runs))

    def _show_outcome(self, update: SaleUpdate) -> None:
        self._countdown.stop()
        self._run = None
        self._outcome.show_outcome(update.outcome, update.amount_ore, update.message, self._kiosk.outcome_display_s)
        self._show_outcome_to_customer(update.outcome, update.amount_ore, update.message)
        self._stack.setCurrentWidget(self._outcome)
        self.status_changed.emit(update.message if update.outcome is not Outcome.PAID else Message("Paid"))

    def _show_outcome_to_customer(self, outcome: str, amount_ore: int, message: Message | str) -> None:
        """The customer's own screen says how it ended too, until the next sale brings the idle view."""
        if self._display is not None and self._display.in_use and self._stack.currentWidget() is self._staff_view:
            self._display.show_outcome(outcome, amount_ore, message)
