-- Coverage counts birth cohorts (children who turn one in a month) across the whole province: an index by birth date
-- lets those counts read one cohort instead of every person.

ALTER TABLE person ADD KEY ix_person_birth (birth_date);
