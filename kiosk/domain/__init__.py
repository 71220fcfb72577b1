"""Plain values the whole kiosk shares: the markets (Norway, Denmark, Finland), money in minor units, phone
numbers, ids, a scanner's keys, messages as data. No I/O, no Qt: it imports only the standard library, and
nothing else of the kiosk."""
