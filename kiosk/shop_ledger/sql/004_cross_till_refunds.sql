-- Refunds a till sent for sales another till made (the till's ledger table cross_till_refunds, copied as every
-- other table is). Each carries the sale it refunded (sale_till_id, sale_id) and the attempt it went to.
--
-- A refund recorded at a till, its own sale's or another's, settles the claim taken under its key: the copy is
-- the one channel that always gets through in the end, so a claim whose refund Vipps did (DONE) or refused
-- (FAILED: the claim is RELEASED and its amount free again) is settled even when the till's own settling call
-- was cut off. PENDING leaves the claim as it is: the amount stays taken while the answer is unknown.

CREATE TABLE cross_till_refunds (
    shop_id text NOT NULL,
    till_id text NOT NULL,  -- the till that refunded
    id bigint NOT NULL,
    sale_till_id text NOT NULL,  -- the till that made the sale
    sale_id bigint NOT NULL,
    psp_transaction_id text NOT NULL,
    provider text NOT NULL,
    merchant_serial_number text,
    base_url text,
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
CREATE INDEX cross_till_refunds_by_sale ON cross_till_refunds (shop_id, sale_till_id, sale_id);

CREATE FUNCTION kiosk_settle_claim() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IN ('DONE', 'FAILED') THEN
        UPDATE refund_claims SET state = CASE NEW.state WHEN 'DONE' THEN 'DONE' ELSE 'RELEASED' END,
                                 updated_at = now()
            WHERE idempotency_key = NEW.idempotency_key AND state = 'CLAIMED';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER refunds_settle_claim AFTER INSERT OR UPDATE OF state ON refunds
    FOR EACH ROW EXECUTE FUNCTION kiosk_settle_claim();
CREATE TRIGGER cross_till_refunds_settle_claim AFTER INSERT OR UPDATE OF state ON cross_till_refunds
    FOR EACH ROW EXECUTE FUNCTION kiosk_settle_claim();
