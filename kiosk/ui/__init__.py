"""Qt lives here and only here: the window and its wiring (app, main_window, services, checkout_flow), the
screens, the workers' threads, the Qt models, the language and the look.

It may import every layer below kiosk.ui (kiosk.domain, kiosk.settings, kiosk.ledger, kiosk.vipps,
kiosk.checkout, kiosk.shop_ledger, kiosk.diagnostics, kiosk.host) and kiosk.simulator (the demo's embedded one);
never kiosk.commands.
"""
