"""The ledger's schema, versioned in PRAGMA user_version. Each migration moves one version up, never down."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: sales, their payment attempts, and the append-only history of every state change.
    """
    CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
        payment_text TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        outcome TEXT,
        paid_attempt_id INTEGER REFERENCES attempts(id)
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        psp_transaction_id TEXT NOT NULL UNIQUE,
        merchant_order_id TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('QR', 'PHONE')),
        phone_masked TEXT,
        state TEXT NOT NULL,
        redirect_url TEXT,
        reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX attempts_by_sale ON attempts(sale_id);
    CREATE TABLE transitions (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        attempt_id INTEGER REFERENCES attempts(id),
        at TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX transitions_by_sale ON transitions(sale_id);
    CREATE TRIGGER transitions_append_only_update BEFORE UPDATE ON transitions
        BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
    CREATE TRIGGER transitions_append_only_delete BEFORE DELETE ON transitions
        BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
    """,
    # 2: what the back office reads per sale without joins (kept in step by the ledger's own writes), the
    # day index, and refunds, each recorded before it is sent.
    """
    ALTER TABLE sales ADD COLUMN order_id TEXT;
    ALTER TABLE sales ADD COLUMN phone_masked TEXT;
    ALTER TABLE sales ADD COLUMN attempt_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sales ADD COLUMN captured_ore INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sales ADD COLUMN refunded_ore INTEGER NOT NULL DEFAULT 0;
    UPDATE sales SET
        attempt_count = (SELECT count(*) FROM attempts WHERE attempts.sale_id = sales.id),
        order_id = (SELECT merchant_order_id FROM attempts WHERE attempts.sale_id = sales.id ORDER BY id DESC LIMIT 1),
        phone_masked = (SELECT phone_masked FROM attempts WHERE attempts.sale_id = sales.id
                        AND phone_masked IS NOT NULL ORDER BY id DESC LIMIT 1),
        captured_ore = CASE WHEN EXISTS (SELECT 1 FROM attempts WHERE attempts.sale_id = sales.id
                                         AND attempts.state = 'CAPTURED') THEN amount_ore ELSE 0 END;
    CREATE INDEX sales_by_time ON sales(created_at);
    CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
        state TEXT NOT NULL CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
        idempotency_key TEXT NOT NULL UNIQUE,
        reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX refunds_by_sale ON refunds(sale_id);
    """,
    # 3: which payment API each attempt was made with ('psp' or 'epayment'): only that API can read, capture,
    # cancel or refund it, so a kiosk switched to the other API must still know.
    """
    ALTER TABLE attempts ADD COLUMN provider TEXT NOT NULL DEFAULT 'psp';
    """,
    # 4: the API each sale went through, for the back office and the exports without a join: the paid attempt's,
    # else the latest attempt's (NULL for a sale never tried). Kept in step by the ledger's own writes.
    """
    ALTER TABLE sales ADD COLUMN provider TEXT;
    UPDATE sales SET provider = COALESCE(
        (SELECT provider FROM attempts WHERE attempts.id = sales.paid_attempt_id),
        (SELECT provider FROM attempts WHERE attempts.sale_id = sales.id ORDER BY id DESC LIMIT 1));
    """,
    # 5: the sales unit (MSN) and Vipps address each attempt was made at. Asked with another, Vipps answers "no
    # such payment" truthfully, which proves nothing: recovery settles an attempt only where it was made. NULL
    # for older attempts (kiosk.checkout.environment says how they are read).
    """
    ALTER TABLE attempts ADD COLUMN merchant_serial_number TEXT;
    ALTER TABLE attempts ADD COLUMN base_url TEXT;
    """,
    # 6: the outbox the shop's copy works from (kiosk.shop_ledger). Once a till has a shop database (shop_copy
    # enabled), every insert or update of a sale, attempt or refund and every new transition writes (seq, table,
    # row id) here in the same transaction, so seq is commit order. AUTOINCREMENT: a seq is never handed out
    # twice, even after the copied ones are trimmed. Without a shop database the triggers write nothing.
    """
    CREATE TABLE shop_copy (
        enabled INTEGER NOT NULL DEFAULT 0,
        ledger_id TEXT NOT NULL  -- this ledger, as the shop database knows it: another file under its till is refused
    );
    INSERT INTO shop_copy (enabled, ledger_id) VALUES (0, lower(hex(randomblob(16))));
    CREATE TABLE shop_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        row_table TEXT NOT NULL,
        row_id INTEGER NOT NULL
    );
    CREATE TRIGGER shop_outbox_sale_new AFTER INSERT ON sales WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('sales', NEW.id); END;
    CREATE TRIGGER shop_outbox_sale_changed AFTER UPDATE ON sales WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('sales', NEW.id); END;
    CREATE TRIGGER shop_outbox_attempt_new AFTER INSERT ON attempts WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('attempts', NEW.id); END;
    CREATE TRIGGER shop_outbox_attempt_changed AFTER UPDATE ON attempts WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('attempts', NEW.id); END;
    CREATE TRIGGER shop_outbox_refund_new AFTER INSERT ON refunds WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('refunds', NEW.id); END;
    CREATE TRIGGER shop_outbox_refund_changed AFTER UPDATE ON refunds WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('refunds', NEW.id); END;
    CREATE TRIGGER shop_outbox_transition_new AFTER INSERT ON transitions WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('transitions', NEW.id); END;
    """,
    # 7: refunds this till sent for sales another till of the shop made (kiosk.shop_ledger.cross_till). The sale
    # and its attempt are in that till's ledger, not here: so each row keeps what the refund was sent to (the
    # attempt's API, sales unit and Vipps address), recorded before it is sent, so that a restart sends a refund
    # without an answer again with the same key. Copied to the shop database like every other table.
    """
    CREATE TABLE cross_till_refunds (
        id INTEGER PRIMARY KEY,
        sale_till_id TEXT NOT NULL,
        sale_id INTEGER NOT NULL,
        psp_transaction_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        merchant_serial_number TEXT,
        base_url TEXT,
        amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
        state TEXT NOT NULL CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
        idempotency_key TEXT NOT NULL UNIQUE,
        reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TRIGGER shop_outbox_cross_till_refund_new AFTER INSERT ON cross_till_refunds
        WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('cross_till_refunds', NEW.id); END;
    CREATE TRIGGER shop_outbox_cross_till_refund_changed AFTER UPDATE ON cross_till_refunds
        WHEN (SELECT enabled FROM shop_copy)
        BEGIN INSERT INTO shop_outbox (row_table, row_id) VALUES ('cross_till_refunds', NEW.id); END;
    """,
    # 8: the currency each sale is in (ISO 4217: NOK, DKK or EUR, the shop's market's; kiosk.domain.market), so
    # the ledger never assumes NOK. Every sale before it was Norwegian: the DEFAULT alone says so, read for the
    # old rows without rewriting them (SQLite keeps an added column's default in the schema), so a year's ledger
    # migrates at once and its shop outbox is not filled with every old sale again (an UPDATE would fire the
    # triggers of 6; the shop database's own migration, sql/006, gives the copied rows the same 'NOK'). The
    # refunds have no currency of their own: a refund is in its sale's.
    """
    ALTER TABLE sales ADD COLUMN currency TEXT NOT NULL DEFAULT 'NOK' CHECK (currency IN ('NOK', 'DKK', 'EUR'));
    """,
]


def migrate(connection: sqlite3.Connection) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > len(MIGRATIONS):
        raise RuntimeError(f"the ledger is from a newer kiosk (schema {version}); update the kiosk to open it")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        try:
            connection.executescript(f"BEGIN IMMEDIATE; {script}; PRAGMA user_version = {number}; COMMIT;")
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            (now,) = connection.execute("PRAGMA user_version").fetchone()
            if now >= number:
                continue  # another process opened the same file and migrated it first, atomically
            raise
