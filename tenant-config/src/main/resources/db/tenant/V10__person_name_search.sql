-- Name search at a million residents. Vietnamese names end with the given name, the most selective word, and staff
-- type either the whole name or the given name: the folded given name is computed by the database and indexed with
-- the folded full name, so a search starts from the few persons with that given name (prefix while typing) and
-- checks the other words in order there; a query that is the start of a name (the family name) walks the
-- full-name index instead. Both stop after the first page.

ALTER TABLE person
    ADD COLUMN given_name_folded VARCHAR(200) AS (SUBSTRING_INDEX(full_name_folded, ' ', -1)) PERSISTENT;

CREATE INDEX ix_person_given_name ON person (given_name_folded, full_name_folded, id);
