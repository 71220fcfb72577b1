"""Row 11 of the fault matrix, the kiosk killed during each phase of a sale, is proven where a kill can be real:
`tests/recovery/test_kill_at_every_phase.py` runs a sale in a process of its own with the kiosk's checkout, its
real provider and client for each Vipps API and a real ledger file, kills it with SIGKILL at each phase (init
under way, waiting for the customer, approved but unseen, a card refused but unseen, ending a refused card's
ePayment payment, capturing, cancelling a superseded payment, paid), starts again, and checks that the ledger
and the simulator agree and that nothing is charged twice. A window in this process cannot be killed that way."""
