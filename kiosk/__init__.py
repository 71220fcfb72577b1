"""A counter kiosk for Vipps payments through the Vipps PSP API v3."""

__version__ = "0.1.0"
