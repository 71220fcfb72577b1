"""The sale as a state machine and the steps that drive it: one charge at most, recovery after a crash, refunds
(across tills too). Plain Python, no Qt: testable without a screen.

It may import kiosk.domain, kiosk.settings, kiosk.ledger (written before the kiosk acts), kiosk.vipps (behind
`PaymentProvider`) and kiosk.shop_ledger (refund claims across tills); never kiosk.ui or kiosk.commands.
"""
