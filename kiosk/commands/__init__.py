"""The `kiosk` command line, the top layer: cli.py parses it and starts the GUI, the simulator, `doctor`,
`export` or `selftest`.

It may import every layer below kiosk.ui, kiosk.ui itself (the window, the PDF) and kiosk.simulator.
"""
