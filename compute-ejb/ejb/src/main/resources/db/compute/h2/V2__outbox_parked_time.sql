-- PendingReportEntity.parkedTime: when a report the broker kept refusing was set aside (null: still to send).
-- IF NOT EXISTS: as V1, safe on a store adopted at baseline 0 that a build between V1 and V2 already extended.
ALTER TABLE COMPUTE_OUTBOX ADD COLUMN IF NOT EXISTS PARKED_TIME BIGINT;
