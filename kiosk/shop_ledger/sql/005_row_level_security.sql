-- Least privilege: a till may read the whole shop (the shop view, the shop-wide export, refunds across tills)
-- but write only its own till's rows. A till's rows are those whose till the `tills` table maps to the role it
-- logs in as (role_name, set to current_user when the till first copies; a till cannot change it). Each till may
-- log in as a role of its own (then no till can touch another's rows) or all as one (then they share the rights,
-- as before). FORCE: the role that owns the tables (the one that ran these migrations) is held to the policies
-- too. No DELETE policy: nothing is ever deleted, by anyone (a till's role has no DELETE right either).

-- "Its own till's rows" is written out in each policy as an uncorrelated subquery, which PostgreSQL runs once per
-- statement: a function per row made a till's catch-up of 1,000 sales 2.5x slower, this about 1.5x
-- (benchmarks/shop_copy.py).

ALTER TABLE tills ENABLE ROW LEVEL SECURITY;
ALTER TABLE tills FORCE ROW LEVEL SECURITY;
CREATE POLICY tills_read ON tills FOR SELECT USING (true);
CREATE POLICY tills_join ON tills FOR INSERT WITH CHECK (role_name = current_user);
CREATE POLICY tills_own ON tills FOR UPDATE USING (role_name = current_user) WITH CHECK (role_name = current_user);

ALTER TABLE sales ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales FORCE ROW LEVEL SECURITY;
CREATE POLICY sales_read ON sales FOR SELECT USING (true);
CREATE POLICY sales_own_new ON sales FOR INSERT
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY sales_own ON sales FOR UPDATE
    USING ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

ALTER TABLE attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY attempts_read ON attempts FOR SELECT USING (true);
CREATE POLICY attempts_own_new ON attempts FOR INSERT
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY attempts_own ON attempts FOR UPDATE
    USING ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

ALTER TABLE transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY transitions_read ON transitions FOR SELECT USING (true);
CREATE POLICY transitions_own_new ON transitions FOR INSERT
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY transitions_own ON transitions FOR UPDATE
    USING ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY refunds_read ON refunds FOR SELECT USING (true);
CREATE POLICY refunds_own_new ON refunds FOR INSERT
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY refunds_own ON refunds FOR UPDATE
    USING ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

ALTER TABLE cross_till_refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE cross_till_refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY cross_till_refunds_read ON cross_till_refunds FOR SELECT USING (true);
CREATE POLICY cross_till_refunds_own_new ON cross_till_refunds FOR INSERT
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY cross_till_refunds_own ON cross_till_refunds FOR UPDATE
    USING ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, till_id) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

-- A claim is the claiming till's: any till may claim any sale of the shop, only in its own name, and settle
-- only its own claims.
ALTER TABLE refund_claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE refund_claims FORCE ROW LEVEL SECURITY;
CREATE POLICY refund_claims_read ON refund_claims FOR SELECT USING (true);
CREATE POLICY refund_claims_own_new ON refund_claims FOR INSERT
    WITH CHECK ((shop_id, claimed_by) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));
CREATE POLICY refund_claims_own ON refund_claims FOR UPDATE
    USING ((shop_id, claimed_by) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user))
    WITH CHECK ((shop_id, claimed_by) IN (SELECT shop_id, till_id FROM tills WHERE role_name = current_user));

-- The claim's lock: a row lock (SELECT ... FOR UPDATE) on another till's sale needs the right to change that
-- row, which a till no longer has. So two claims on one sale take turns on a transaction-level advisory lock
-- on the sale's key instead: held until the claim commits, as the row lock was, and the sums are read after
-- it is granted (each statement of a READ COMMITTED function sees what committed before it).
CREATE OR REPLACE FUNCTION kiosk_claim_refund(p_shop text, p_sale_till text, p_sale bigint, p_amount bigint,
                                              p_by text, p_key text) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    captured bigint;
    paid bigint;
    taken bigint;
    existing bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(
        hashtextextended('kiosk refund ' || p_shop || '/' || p_sale_till || '/' || p_sale, 0));
    SELECT captured_ore, paid_attempt_id INTO captured, paid FROM sales
        WHERE shop_id = p_shop AND till_id = p_sale_till AND id = p_sale;
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
