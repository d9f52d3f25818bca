-- V1: the compute node's tables as EclipseLink's create-or-extend-tables made them for PostgreSQL before the schema
-- was versioned (dumped from a store written by that code, 2026-12-02), indexes and the outbox's ID generator row
-- included. Idempotent on purpose: a store written before versioning is baselined at 0 and runs this too.

CREATE TABLE IF NOT EXISTS COMPUTE_EXECUTION (
    ID VARCHAR(64) NOT NULL PRIMARY KEY,
    JSON TEXT NOT NULL,
    MODIFY_TIME BIGINT NOT NULL,
    STATE VARCHAR(32) NOT NULL
);
CREATE INDEX IF NOT EXISTS COMPUTE_EXECUTION_STATE ON COMPUTE_EXECUTION (STATE);

CREATE TABLE IF NOT EXISTS COMPUTE_OUTBOX (
    ID BIGINT NOT NULL PRIMARY KEY,
    BODY TEXT NOT NULL,
    CREATE_TIME BIGINT NOT NULL,
    EXECUTION_ID VARCHAR(64),
    TYPE VARCHAR(64) NOT NULL
);

-- PendingReportEntity's @TableGenerator: EclipseLink reserves blocks of IDs by updating this row
CREATE TABLE IF NOT EXISTS COMPUTE_ID_BLOCKS (
    NAME VARCHAR(50) NOT NULL PRIMARY KEY,
    NEXT_ID NUMERIC(38,0)
);
INSERT INTO COMPUTE_ID_BLOCKS (NAME, NEXT_ID)
    SELECT 'COMPUTE_OUTBOX', 0 WHERE NOT EXISTS (SELECT 1 FROM COMPUTE_ID_BLOCKS WHERE NAME = 'COMPUTE_OUTBOX');
