-- Where a practice's services are performed when that is not its billing address (837P loop 2310C, 837I 2310E),
-- e.g. a clinic billed under a hospital's group.
ALTER TABLE practice
    ADD COLUMN service_facility_name         VARCHAR(60)  NULL,
    ADD COLUMN service_facility_npi          VARCHAR(10)  NULL,
    ADD COLUMN service_facility_address_line VARCHAR(120) NULL,
    ADD COLUMN service_facility_city         VARCHAR(60)  NULL,
    ADD COLUMN service_facility_state        VARCHAR(2)   NULL,
    ADD COLUMN service_facility_postal_code  VARCHAR(10)  NULL;
