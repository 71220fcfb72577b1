-- The currency each sale is in (NOK, DKK or EUR: the shop's market's, kiosk.domain.market), copied from the
-- till's ledger (its schema 8) as every other column of a sale is. Every sale copied before it was Norwegian:
-- the DEFAULT says so, kept in the catalogue, so the rows already here are not rewritten (PostgreSQL 11 and
-- later) and no till has to send its old sales again. A refund has no currency of its own: it is in its sale's
-- (refunds, refund_claims and cross_till_refunds name their sale). Adding a column changes no policy of
-- sql/005: they name rows by shop and till only.

ALTER TABLE sales ADD COLUMN currency text NOT NULL DEFAULT 'NOK' CHECK (currency IN ('NOK', 'DKK', 'EUR'));
