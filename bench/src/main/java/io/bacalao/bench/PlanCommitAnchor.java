package io.bacalao.bench;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.scheduler.PlannedEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The anchor of B3: what committing one plan costs, written the way {@code PlanApplier} writes it — lock the job
 * row, check its revision, insert the new executions and history rows (JSON as the JPA entities store it), update
 * the job and the evaluation, insert follow-ups, commit — against H2 in memory over plain JDBC with the
 * orchestrator's table shapes. It leaves out the JPA layer (EclipseLink is not on this classpath), so it is a
 * lower bound of the real commit.
 */
final class PlanCommitAnchor implements AutoCloseable {
    private final Connection db;

    PlanCommitAnchor() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:b3;DB_CLOSE_DELAY=-1", "sa", "");
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("create table ORCH_JOB (ID varchar(64) primary key, NAME varchar(512) not null,"
                    + " NAMESPACE varchar(256) not null, STATE varchar(16) not null, VERSION_NO bigint not null,"
                    + " REVISION bigint not null, CREATE_TIME bigint not null, MODIFY_TIME bigint not null,"
                    + " HISTORY_SEQ bigint not null, JSON clob not null)");
            s.execute("create index ORCH_JOB_NAME on ORCH_JOB (NAMESPACE, NAME)");
            s.execute("create index ORCH_JOB_STATE on ORCH_JOB (STATE)");
            s.execute("create table ORCH_EXECUTION (ID varchar(64) primary key, JOB_ID varchar(64) not null,"
                    + " NODE_ID varchar(128) not null, JOB_VERSION bigint not null, DESIRED_STATE int not null,"
                    + " COMPUTE_STATE int not null, REVISION bigint not null, CREATE_TIME bigint not null,"
                    + " MODIFY_TIME bigint not null, JSON clob not null)");
            s.execute("create index ORCH_EXECUTION_JOB on ORCH_EXECUTION (JOB_ID)");
            s.execute("create index ORCH_EXECUTION_NODE on ORCH_EXECUTION (NODE_ID, COMPUTE_STATE)");
            s.execute("create table ORCH_HISTORY (ID varchar(96) primary key, JOB_ID varchar(64) not null,"
                    + " SEQ_NUM bigint not null, JOB_VERSION bigint not null, EXECUTION_ID varchar(64) not null,"
                    + " TIME_NANOS bigint not null, EVENT clob not null)");
            s.execute("create index ORCH_HISTORY_JOB on ORCH_HISTORY (JOB_ID, SEQ_NUM)");
            s.execute("create table ORCH_EVALUATION (ID varchar(64) primary key, JOB_ID varchar(64) not null,"
                    + " STATUS varchar(16) not null, WAIT_UNTIL bigint not null, SENT_AT bigint not null,"
                    + " TRIGGERED_BY varchar(32), JSON clob not null)");
            s.execute("create index ORCH_EVALUATION_STATUS on ORCH_EVALUATION (STATUS, WAIT_UNTIL)");
        }
        db.commit();
    }

    /** Stores a submitted job and its evaluation, as a submission would (not measured). */
    void submit(Job job, Evaluation eval) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("insert into ORCH_JOB values (?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, job.id());
            p.setString(2, job.name());
            p.setString(3, job.namespace());
            p.setString(4, job.state().stateType().name());
            p.setLong(5, job.version());
            p.setLong(6, job.revision());
            p.setLong(7, job.createTime());
            p.setLong(8, job.modifyTime());
            p.setLong(9, 1);
            p.setString(10, Json.write(job));
            p.executeUpdate();
        }
        insertEvaluation(eval);
        db.commit();
    }

    /** Applies one plan in one transaction; returns its cost in nanoseconds. */
    long commit(Plan plan, long nowNanos) throws SQLException {
        long start = System.nanoTime();
        long seq;
        try (PreparedStatement p = db.prepareStatement("select REVISION, HISTORY_SEQ from ORCH_JOB where ID = ? for update")) {
            p.setString(1, plan.jobId());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != plan.expectedJobRevision()) throw new IllegalStateException("stale plan");
                seq = rs.getLong(2);
            }
        }
        try (PreparedStatement p = db.prepareStatement("insert into ORCH_EXECUTION values (?,?,?,?,?,?,?,?,?,?)")) {
            for (Execution e : plan.newExecutions()) {
                p.setString(1, e.id());
                p.setString(2, e.jobId());
                p.setString(3, e.nodeId());
                p.setLong(4, e.jobVersion());
                p.setInt(5, e.desired().ordinal());
                p.setInt(6, e.state().ordinal());
                p.setLong(7, e.revision());
                p.setLong(8, e.createTime());
                p.setLong(9, e.modifyTime());
                p.setString(10, Json.write(e));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = db.prepareStatement("insert into ORCH_HISTORY values (?,?,?,?,?,?,?)")) {
            for (PlannedEvent pe : plan.events()) {
                seq++;
                p.setString(1, plan.jobId() + "-" + seq);
                p.setString(2, plan.jobId());
                p.setLong(3, seq);
                p.setLong(4, 1);
                p.setString(5, pe.executionId());
                p.setLong(6, nowNanos);
                p.setString(7, Json.write(pe.event()));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = db.prepareStatement(
                "update ORCH_JOB set REVISION = REVISION + 1, HISTORY_SEQ = ?, MODIFY_TIME = ? where ID = ?")) {
            p.setLong(1, seq);
            p.setLong(2, nowNanos);
            p.setString(3, plan.jobId());
            p.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement("update ORCH_EVALUATION set STATUS = 'COMPLETE', JSON = ? where ID = ?")) {
            p.setString(1, Json.write(plan.evaluation()));
            p.setString(2, plan.evaluation().id());
            p.executeUpdate();
        }
        for (Evaluation f : plan.followUps()) insertEvaluation(f);
        db.commit();
        return System.nanoTime() - start;
    }

    private void insertEvaluation(Evaluation e) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("insert into ORCH_EVALUATION values (?,?,?,?,?,?,?)")) {
            p.setString(1, e.id());
            p.setString(2, e.jobId());
            p.setString(3, e.status().name());
            p.setLong(4, e.waitUntil());
            p.setLong(5, e.createTime());
            p.setString(6, e.triggeredBy());
            p.setString(7, Json.write(e));
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
