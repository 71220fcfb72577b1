-- The shop's shared ledger: every till's sales, attempts, state changes and refunds, copied from the till's own
-- SQLite ledger (the journal), keyed by (shop_id, till_id, the till's own id). A row here is the till's row as of
-- `copied_seq`, the till's outbox sequence number it was copied at.
--
-- Least privilege: a till's role needs CONNECT, and SELECT, INSERT, UPDATE on these tables (never DELETE, never
-- DDL once the schema is in place). Every row carries its till, so a row-level security policy can hold a role to
-- its own till's rows: USING/WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE
-- role_name = current_user)).

CREATE TABLE tills (
    shop_id text NOT NULL,
    till_id text NOT NULL,
    -- the till's SQLite ledger that copies here: a second PC (or a new ledger) under the same till id is refused
    ledger_id text NOT NULL,
    role_name text NOT NULL DEFAULT current_user,
    high_water_mark bigint NOT NULL DEFAULT 0,  -- the till's last outbox seq that is here
    last_copied_at timestamptz,                 -- when the till last confirmed everything up to it is here
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, till_id)
);

CREATE TABLE sales (
    shop_id text NOT NULL,
    till_id text NOT NULL,
    id bigint NOT NULL,
    created_at timestamptz NOT NULL,
    amount_ore bigint NOT NULL CHECK (amount_ore > 0),
    payment_text text NOT NULL,
    state text NOT NULL,
    outcome text,
    paid_attempt_id bigint,
    order_id text,
    phone_masked text,
    attempt_count integer NOT NULL,
    captured_ore bigint NOT NULL,
    refunded_ore bigint NOT NULL,
    provider text,
    copied_seq bigint NOT NULL,
    PRIMARY KEY (shop_id, till_id, id),
    FOREIGN KEY (shop_id, till_id) REFERENCES tills
);
CREATE INDEX sales_by_day ON sales (shop_id, created_at);

CREATE TABLE attempts (
    shop_id text NOT NULL,
    till_id text NOT NULL,
    id bigint NOT NULL,
    sale_id bigint NOT NULL,
    psp_transaction_id text NOT NULL,
    merchant_order_id text NOT NULL,
    idempotency_key text NOT NULL,
    channel text NOT NULL,
    phone_masked text,
    state text NOT NULL,
    redirect_url text,
    reason text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    provider text NOT NULL,
    -- the sales unit and Vipps address the attempt was made at (NULL from before the ledger kept them): a refund
    -- from any till goes there, never to the refunding till's own settings
    merchant_serial_number text,
    base_url text,
    copied_seq bigint NOT NULL,
    PRIMARY KEY (shop_id, till_id, id),
    FOREIGN KEY (shop_id, till_id) REFERENCES tills
);
CREATE INDEX attempts_by_sale ON attempts (shop_id, till_id, sale_id);

CREATE TABLE transitions (
    shop_id text NOT NULL,
    till_id text NOT NULL,
    id bigint NOT NULL,
    sale_id bigint NOT NULL,
    attempt_id bigint,
    at timestamptz NOT NULL,
    from_state text,
    to_state text NOT NULL,
    note text NOT NULL,
    copied_seq bigint NOT NULL,
    PRIMARY KEY (shop_id, till_id, id),
    FOREIGN KEY (shop_id, till_id) REFERENCES tills
);

CREATE TABLE refunds (
    shop_id text NOT NULL,
    till_id text NOT NULL,
    id bigint NOT NULL,
    sale_id bigint NOT NULL,
    attempt_id bigint NOT NULL,
    amount_ore bigint NOT NULL CHECK (amount_ore > 0),
    state text NOT NULL,
    idempotency_key text NOT NULL,
    reason text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    copied_seq bigint NOT NULL,
    PRIMARY KEY (shop_id, till_id, id),
    FOREIGN KEY (shop_id, till_id) REFERENCES tills
);
CREATE INDEX refunds_by_sale ON refunds (shop_id, till_id, sale_id);
