-- Coverage reads each cohort child's doses before the first birthday (issue 17): with the vaccine, dose number and
-- voided flag in the person's dose index, that read needs no row of immunization itself.
ALTER TABLE immunization
    DROP INDEX ix_immunization_person,
    ADD INDEX ix_immunization_person (person_id, given_on, vaccine_id, dose_number, voided);
