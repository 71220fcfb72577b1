-- Refunds across tills: before any till asks Vipps to refund a sale (its own or another till's), it claims the
-- amount here. The claim locks the sale's row, so two tills claiming at the same moment take turns, and the
-- second sees the first's claim: together they can never claim more than remains.

CREATE TABLE refund_claims (
    id bigserial PRIMARY KEY,
    shop_id text NOT NULL,
    sale_till_id text NOT NULL,  -- the till that made the sale (its Vipps payment is refunded)
    sale_id bigint NOT NULL,
    claimed_by text NOT NULL,  -- the till that refunds it
    amount_ore bigint NOT NULL CHECK (amount_ore > 0),
    state text NOT NULL CHECK (state IN ('CLAIMED', 'DONE', 'RELEASED')),
    idempotency_key text NOT NULL UNIQUE,  -- the refund's own key at Vipps: a retried claim is the same claim
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (shop_id, sale_till_id, sale_id) REFERENCES sales
);
CREATE INDEX refund_claims_by_sale ON refund_claims (shop_id, sale_till_id, sale_id);

-- What remains to refund of a sale: its captured amount less every refund under way or done, whether claimed
-- here or recorded at the sale's own till (copied from its ledger; one recorded there and claimed here, under
-- the same key, counts once). Raises 'KIOSK_NOT_PAID' (no paid sale), 'KIOSK_TOO_MUCH:<remaining øre>'.
CREATE FUNCTION kiosk_claim_refund(p_shop text, p_sale_till text, p_sale bigint, p_amount bigint, p_by text,
                                   p_key text) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    captured bigint;
    paid bigint;
    taken bigint;
    existing bigint;
BEGIN
    SELECT captured_ore, paid_attempt_id INTO captured, paid FROM sales
        WHERE shop_id = p_shop AND till_id = p_sale_till AND id = p_sale FOR UPDATE;
    SELECT id INTO existing FROM refund_claims WHERE idempotency_key = p_key;
    IF existing IS NOT NULL THEN
        RETURN existing;  -- the same claim again (a retry after a lost answer): nothing more is taken
    END IF;
    IF captured IS NULL OR captured = 0 OR paid IS NULL THEN
        RAISE EXCEPTION 'KIOSK_NOT_PAID';
    END IF;
    SELECT COALESCE(sum(amount_ore), 0) INTO taken FROM (
        SELECT amount_ore FROM refund_claims
            WHERE shop_id = p_shop AND sale_till_id = p_sale_till AND sale_id = p_sale AND state <> 'RELEASED'
        UNION ALL
        SELECT r.amount_ore FROM refunds AS r
            WHERE r.shop_id = p_shop AND r.till_id = p_sale_till AND r.sale_id = p_sale AND r.state <> 'FAILED'
            AND NOT EXISTS (SELECT 1 FROM refund_claims AS c WHERE c.idempotency_key = r.idempotency_key)
    ) AS refunded;
    IF p_amount > captured - taken THEN
        RAISE EXCEPTION 'KIOSK_TOO_MUCH:%', captured - taken;
    END IF;
    INSERT INTO refund_claims (shop_id, sale_till_id, sale_id, claimed_by, amount_ore, state, idempotency_key)
        VALUES (p_shop, p_sale_till, p_sale, p_by, p_amount, 'CLAIMED', p_key) RETURNING id INTO existing;
    RETURN existing;
END
$$;
