-- V2: an index for every order a job listing can ask for (store/JobListing.java): the sort column, then the job ID,
-- both in one direction. PostgreSQL reads a B-tree index backwards for the descending orders, so the single-column
-- indexes of V1 on the two times are replaced by ones that end with the ID, and no descending index is needed.

DROP INDEX IF EXISTS ORCH_JOB_CREATED;
DROP INDEX IF EXISTS ORCH_JOB_MODIFIED;
CREATE INDEX IF NOT EXISTS ORCH_JOB_CREATED ON ORCH_JOB (CREATE_TIME, ID);
CREATE INDEX IF NOT EXISTS ORCH_JOB_MODIFIED ON ORCH_JOB (MODIFY_TIME, ID);
