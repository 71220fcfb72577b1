"""Every screen and widget of the window: the counter's amount, customer and outcome screens, the customer's
display, the PIN, the back office, the settings and their boxes. A screen emits what a person asked for; the
wiring in kiosk.ui acts on it.

It may import every layer below kiosk.ui and the rest of kiosk.ui (look, language, models, workers).
"""
