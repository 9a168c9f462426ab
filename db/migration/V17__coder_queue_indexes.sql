-- The coders' queue filters, sorts and pages in SQL. Its questions, and the indexes that answer them from the index
-- alone:
--  * each flagged encounter's billed total and first date of service: one range of charge rows per encounter
--    (the amount and service date are in the index, so no charge row is read);
--  * the rule filter and the list of rules to filter by: the open findings of a rule, with their encounter;
--  * the payer filter: the patient's primary coverage, by payer.
CREATE INDEX ix_charge_queue ON charge (encounter_id, transaction_type, status, amount, service_date);
CREATE INDEX ix_scrub_finding_open ON scrub_finding (status, rule_id, encounter_id);
CREATE INDEX ix_coverage_payer ON coverage (payer_id, priority, patient_id);
