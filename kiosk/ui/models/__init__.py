"""Qt models over the ledger: the back office's sales table, read a page at a time off the GUI thread.

It may import kiosk.domain, kiosk.ledger, kiosk.shop_ledger and kiosk.ui.language.
"""
