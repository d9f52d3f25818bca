-- PendingReportEntity.parkedTime: when a report the broker kept refusing was set aside (null: still to send)
ALTER TABLE COMPUTE_OUTBOX ADD COLUMN PARKED_TIME BIGINT;
