package io.bacalao.domain.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps a node's H2 file from growing without bound. The nodes open H2 with {@code WRITE_DELAY=0}, so that a commit
 * is in the file before it returns (docs/node-footprint.md, "The H2 file"); H2 then writes one chunk per commit and
 * runs none of the housekeeping its background writer does at any other setting, and a chunk keeps its space for as
 * long as one page in it is live. The orchestrator's file grew by about 240 KB per noop job: 2.15 GB after 9,000.
 *
 * <p>Contract: every {@link #INTERVAL_MILLIS} ms the database behind the data source, if it is an H2 file, gets one
 * bounded compaction, what H2 does at a compacting shutdown but in small steps: it rewrites the live pages of chunks
 * below {@link #FILL_RATE} % full and moves chunks into the space freed, writing about {@link #MAX_WRITE_BYTES} bytes
 * each way and for about {@link #MAX_MILLIS} ms, syncing the file before it overwrites a chunk; commits wait
 * meanwhile (figures: docs/node-footprint.md). Its retention time, which the step sets to 0, is put back. Any other
 * database is left alone once a first connection has told what it is (a PostgreSQL store is not connected to every
 * second for this). A failed step is logged (once while it keeps failing the same way) and the next one tries
 * again.
 *
 * <p>H2's own API is not visible to the application's class loader, so the compaction runs inside H2, as a Java
 * function ({@value #ALIAS}) that H2 loads through the calling thread's class loader and calls with its own
 * connection; the step it takes ({@code FileStore.compactStore} under the store's lock, as {@code
 * MVStore.compactFile} takes it) is not public, and is reached by reflection on the H2 that Payara ships (2.2.224).
 */
public final class H2FileCompaction {
    static final long INTERVAL_MILLIS = 1000;
    static final int MAX_MILLIS = 40;
    static final int MAX_WRITE_BYTES = 1 << 20;
    static final int FILL_RATE = 90;
    static final String ALIAS = "BACALAO_COMPACT_FILE";
    private static final Logger LOG = Logger.getLogger(H2FileCompaction.class.getName());

    private H2FileCompaction() {
    }

    /** Schedules the compaction on {@code scheduler} when {@code store} is an H2 file; does nothing otherwise. */
    public static void schedule(ScheduledExecutorService scheduler, DataSource store) {
        Steps steps = new Steps(store);
        scheduler.scheduleWithFixedDelay(steps::next, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * One data source's steps. The first connection tells whether the store is an H2 file; any other store is left
     * alone from then on, and failures before that is known (the store not up yet) are not logged. Once it is known
     * to be H2, the first step (re)defines the function, and a failure is logged once while it keeps failing the same
     * way.
     */
    static final class Steps {
        private final DataSource store;
        private Boolean h2;
        private boolean defined;
        private String lastFailure;

        Steps(DataSource store) {
            this.store = store;
        }

        void next() {
            if (Boolean.FALSE.equals(h2)) return;
            try (Connection c = store.getConnection()) {
                if (h2 == null) h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
                if (!h2) return;
                if (!defined) define(c);
                defined = true;
                step(c);
                lastFailure = null;
            } catch (SQLException | RuntimeException e) {
                String failure = String.valueOf(e.getMessage());
                boolean known = h2 != null && !failure.equals(lastFailure);
                LOG.log(known ? Level.WARNING : Level.FINE,
                        "could not compact this node's H2 file; trying again in " + INTERVAL_MILLIS + " ms", e);
                lastFailure = failure;
            }
        }

        /** Whether the store is an H2 file, once a connection told; null before. */
        Boolean isH2() {
            return h2;
        }
    }

    /** Defines (again) the function {@value #ALIAS} in the H2 database behind {@code c} (DDL: autocommit). */
    static void define(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP ALIAS IF EXISTS " + ALIAS);
            s.execute("CREATE ALIAS " + ALIAS + " FOR '" + H2FileCompaction.class.getName() + ".compactFile'");
        }
    }

    /** Takes one compaction step on the H2 database behind {@code c}, once {@link #define} has run there. */
    static void step(Connection c) throws SQLException {
        step(c, MAX_MILLIS);
    }

    /** {@link #step(Connection)} with another time budget (the bytes written stay {@link #MAX_WRITE_BYTES}). */
    static void step(Connection c, int maxMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CALL " + ALIAS + "(" + maxMillis + ", " + MAX_WRITE_BYTES + ")");
        }
    }

    /**
     * The function behind {@value #ALIAS}: H2 calls it with its own connection. Takes one compaction step on the file
     * of that connection's database (about {@code maxMillis} ms, about {@code maxWriteBytes} bytes rewritten and moved)
     * and keeps its retention time; an in-memory database has no file.
     */
    public static void compactFile(Connection h2, int maxMillis, int maxWriteBytes) throws ReflectiveOperationException {
        Object store = call(call(call(h2, "getSession"), "getDatabase"), "getStore");
        if (store == null) return;
        Object mvStore = call(store, "getMvStore");
        Object fileStore = call(mvStore, "getFileStore");
        if (fileStore == null) return;
        Method step = declared(fileStore.getClass(), "compactStore", int.class, long.class, int.class, mvStore.getClass());
        Field lockField = mvStore.getClass().getDeclaredField("storeLock");
        lockField.setAccessible(true);
        Lock lock = (Lock) lockField.get(mvStore);
        int retention = (int) call(mvStore, "getRetentionTime");
        lock.lock();
        try {
            step.invoke(fileStore, FILL_RATE, (long) maxMillis, maxWriteBytes, mvStore);
        } finally {
            lock.unlock();
            mvStore.getClass().getMethod("setRetentionTime", int.class).invoke(mvStore, retention);
        }
    }

    /** The method as {@code type} or the nearest class above it declares it, made callable. */
    private static Method declared(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, parameters);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException notHere) {
                // look in the class above
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
