"""Plain values the whole kiosk shares: money in øre, phone numbers, ids. No I/O, no Qt."""
