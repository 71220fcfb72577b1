-- The CSV export's words and amounts, written by the server so that the shop-wide day streams out of COPY. Each
-- is kiosk.ledger's own rule (kiosk/ledger/export_csv.py kroner, kiosk/ledger/report.py status_of and api_title),
-- and tests/shop/test_shop_export.py holds them to it for every state.

-- Not STRICT: PostgreSQL inlines only plain SQL functions, and a STRICT one it calls row by row (3x slower).
CREATE FUNCTION kiosk_kroner(ore bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN ore < 0 THEN '-' ELSE '' END || (abs(ore) / 100)::text || ','
        || lpad((abs(ore) % 100)::text, 2, '0');

CREATE FUNCTION kiosk_status(state text, outcome text, captured_ore bigint, refunded_ore bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN refunded_ore <> 0 AND refunded_ore >= captured_ore THEN 'REFUNDED'
        WHEN refunded_ore <> 0 THEN 'PART REFUNDED'
        WHEN state = 'PAID' AND captured_ore <> 0 THEN 'CAPTURED'
        WHEN state = 'PAID' THEN 'PAID, CAPTURE PENDING'
        WHEN state = 'NOT_PAID' THEN COALESCE(NULLIF(outcome, ''), 'NOT PAID')
        WHEN state = 'NEEDS_CHECK' THEN 'NEEDS CHECK'
        ELSE state
    END;

CREATE FUNCTION kiosk_api_title(provider text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE provider WHEN 'psp' THEN 'PSP v3' WHEN 'epayment' THEN 'ePayment' ELSE NULLIF(provider, '') END;
