"""An embedded stand-in for Vipps (the ePayment API v1 and the PSP API v3) and for the PSP backend Vipps calls.

It stands alone, like the real service: it imports nothing else of the kiosk (starlette, uvicorn, httpx and qrcode
only). The real Vipps paths are served at the root; simulator-only controls live under `/_sim/`. Importing this
package is cheap; the web stack loads only when `kiosk.simulator.server` is imported.
"""
