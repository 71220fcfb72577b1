"""Work off the GUI thread: the background pools, one sale's run with its worker and details poller on their
QThreads, the shop copy, and the back office's reads and exports. Results come back as signals.

It may import every layer below kiosk.ui and the rest of kiosk.ui (models, the closing deadline, the PDF, the QR
matrix).
"""
