"""An embedded stand-in for Vipps (PSP API v3) and for the PSP backend Vipps calls.

It stands alone, like the real service: it imports nothing else of the kiosk. The real Vipps paths are served
at the root; simulator-only controls live under `/_sim/`. Importing this package is cheap; the web stack loads
only when `kiosk.simulator.server` is imported.
"""
