"""A counter kiosk for Vipps MobilePay payments (the ePayment API, or the PSP API v3).

Its packages are layers; each imports only the ones below it (tests/test_architecture.py holds the table):

    kiosk.commands      the `kiosk` command line: the GUI, the simulator, doctor, export, selftest
    kiosk.ui            Qt only here: the window, screens, workers, Qt models, language and look
    kiosk.diagnostics   settings checked against Vipps and the shop database, step by step
    kiosk.checkout      the sale and its one-charge rules, recovery, refunds
    kiosk.shop_ledger   the shop's PostgreSQL ledger of several tills
    kiosk.settings      the settings and their secrets
    kiosk.ledger        the till's own SQLite ledger
    kiosk.vipps         the Vipps clients
    kiosk.host          the PC the kiosk runs on: logs, memory, the system libraries Qt needs
    kiosk.domain        plain values at the bottom: markets, money in minor units, phone numbers, messages

    kiosk.simulator     apart: a stand-in for Vipps that imports nothing else of the kiosk

This module holds only the version and imports nothing of the kiosk.
"""

__version__ = "0.1.0"
