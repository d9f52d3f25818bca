-- V2: an index for every order a job listing can ask for (store/JobListing.java): the sort column, then the job ID,
-- both ascending or both descending, over all namespaces or within one (then ordered by the namespace first, so that
-- H2 reads that namespace's part of the index in order). H2 reads an index in its own order only, so each descending
-- order has an index of its own; without one, a listing read and sorted the whole table, or the whole namespace.
-- The single-column indexes of V1 on the two times are replaced by ones that end with the ID (they serve the
-- same range conditions).

DROP INDEX IF EXISTS ORCH_JOB_CREATED;
DROP INDEX IF EXISTS ORCH_JOB_MODIFIED;
CREATE INDEX IF NOT EXISTS ORCH_JOB_CREATED ON ORCH_JOB (CREATE_TIME, ID);
CREATE INDEX IF NOT EXISTS ORCH_JOB_MODIFIED ON ORCH_JOB (MODIFY_TIME, ID);
CREATE INDEX IF NOT EXISTS ORCH_JOB_CREATED_DESC ON ORCH_JOB (CREATE_TIME DESC, ID DESC);
CREATE INDEX IF NOT EXISTS ORCH_JOB_MODIFIED_DESC ON ORCH_JOB (MODIFY_TIME DESC, ID DESC);
CREATE INDEX IF NOT EXISTS ORCH_JOB_NS_CREATED_DESC ON ORCH_JOB (NAMESPACE, CREATE_TIME DESC, ID DESC);
CREATE INDEX IF NOT EXISTS ORCH_JOB_NS_MODIFIED_DESC ON ORCH_JOB (NAMESPACE, MODIFY_TIME DESC, ID DESC);
