-- The denial report's ledger, kept by the 835 step as it applies each payment (remit DenialLedger).
--
-- claim_adjudication: one row per 835 adjudication (CLP, not a reversal) of one of our claims, with what the report
-- groups and sums by, so that a drill-down reads one narrow table instead of joining remittances, payments, claims
-- and encounters. A reversal (CLP02 22) marks the adjudication it takes back as reversed: it no longer counts.
CREATE TABLE claim_adjudication (
    claim_payment_id BIGINT        NOT NULL,
    claim_id         BIGINT        NOT NULL,
    adjudicated_on   DATE          NOT NULL,   -- UTC day the 835 was applied
    payer_id         VARCHAR(80)   NOT NULL,   -- the claim's payer (IN1-3), else the 835's; '' when neither says
    practice_id      BIGINT        NOT NULL,
    rendering_npi    VARCHAR(20)   NOT NULL,   -- the encounter's attending provider (PV1-7), the 837's rendering; ''
    charge           DECIMAL(12,2) NOT NULL,   -- CLP03
    paid             DECIMAL(12,2) NOT NULL,   -- CLP04
    denied_amount    DECIMAL(12,2) NOT NULL,   -- the sum of the denials this CLP carried
    denials          INT           NOT NULL,
    reversed         BOOLEAN       NOT NULL,
    PRIMARY KEY (claim_payment_id),
    INDEX ix_claim_adjudication_claim (claim_id, claim_payment_id),
    -- a drill-down picks its page of denied claims from these alone (no row read for the filter and the order)
    INDEX ix_claim_adjudication_day (adjudicated_on, reversed, denials, denied_amount),
    INDEX ix_claim_adjudication_payer (payer_id, adjudicated_on, reversed, denials, denied_amount),
    INDEX ix_claim_adjudication_practice (practice_id, adjudicated_on, reversed, denials, denied_amount),
    INDEX ix_claim_adjudication_provider (rendering_npi, adjudicated_on, reversed, denials, denied_amount)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The same adjudications summed per day and per value of each dimension of the report (payer, practice, provider,
-- carc, category, and 'all' for the totals and the month trend), so that a report over a year reads a few thousand
-- rows whatever the number of claims. For carc and category, adjudicated is 0 (the rate's base is 'all') and
-- denied counts the claims with at least one denial of that code or category.
CREATE TABLE denial_summary (
    dimension     VARCHAR(10)   NOT NULL,
    day           DATE          NOT NULL,
    value         VARCHAR(80)   NOT NULL,
    label         VARCHAR(200)  NULL,       -- payer name, practice name, provider name, as last seen
    adjudicated   INT           NOT NULL,
    denied        INT           NOT NULL,
    charge        DECIMAL(15,2) NOT NULL,
    denied_amount DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (dimension, day, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the drill-down by CARC and by category finds the denials of a code, then their adjudications
CREATE INDEX ix_denial_carc ON denial (carc, claim_payment_id);
CREATE INDEX ix_denial_category ON denial (category, claim_payment_id);
