-- The import job that created a person, if one did (NULL for records registered on a screen or through the API, or by
-- the synchronous import). An import run asks, for each commune of a chunk, whether the commune holds a live record
-- that the run did not write itself; where it holds none, the run's own memory of the names and dates of birth it has
-- written is the whole answer and the possible-duplicate look-up is skipped. The index answers that question with a
-- few dives per village however many records the run has written: (village, NULL), (village, below the job),
-- (village, above the job).
-- Two statements: the column alone is added instantly, the index alone is built in place without copying the table.
ALTER TABLE person ADD COLUMN import_job_id BIGINT NULL;
CREATE INDEX ix_person_village_import ON person (village_id, import_job_id);
