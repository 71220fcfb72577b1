"""The shop's shared ledger on PostgreSQL: each till's SQLite ledger copied there in the order the till wrote it,
and the whole shop's day read back from it.

Its one job is that copy and what reads it. It may import kiosk.domain, kiosk.settings and kiosk.ledger, psycopg
and the standard library; never Qt (kiosk/ui/workers/shop_copy.py runs the copier on a QThread), never the
checkout or the Vipps clients. A sale never waits on anything here. Importing the package imports nothing:
kiosk.settings reads `address` without pulling psycopg in.
"""
