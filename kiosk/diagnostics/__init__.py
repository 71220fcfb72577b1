"""Settings checked against the world before they are trusted: Vipps step by step (token, sales unit, API) and
the shop database, each answer naming the setting to fix. Used by "Test connection" and `kiosk doctor`; no Qt.

It may import kiosk.domain, kiosk.settings, kiosk.vipps and kiosk.shop_ledger.
"""
