package io.bacalao.store.schema;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Migrates a persistence unit's database before EclipseLink logs in, so that no bean, message-driven bean or timer
 * can use the unit before its tables are at the newest version. Named in {@code persistence.xml} as
 * {@code eclipselink.session.customizer} (one subclass per unit, naming its {@link StoreSchema}) together with
 * {@code eclipselink.deploy-on-startup=true}, which runs it when the application is deployed, outside any
 * transaction; a migration that fails fails the deployment.
 */
public abstract class MigratingCustomizer implements SessionCustomizer {
    /**
     * When a query loses its connection, EclipseLink tries it again this many times, waiting
     * {@link #RECONNECT_DELAY_MILLIS} between attempts (its defaults, 3 and 5 s, held a request for tens of seconds
     * while the store was down). Callers retry on their own terms (the inbox waits for the store's readiness; the API
     * answers 503), so one quick attempt is enough to ride over a connection the pool handed out stale.
     */
    static final int QUERY_RETRY_ATTEMPTS = 1;
    static final int RECONNECT_DELAY_MILLIS = 200;
    private final StoreSchema schema;

    protected MigratingCustomizer(String unit) {
        this.schema = new StoreSchema(unit);
    }

    @Override
    public void customize(Session session) throws NamingException {
        schema.migrate(dataSource(session), getClass().getClassLoader());
        if (session.getDatasourceLogin() instanceof org.eclipse.persistence.sessions.DatabaseLogin login) {
            login.setQueryRetryAttemptCount(QUERY_RETRY_ATTEMPTS);
            login.setDelayBetweenConnectionAttempts(RECONNECT_DELAY_MILLIS);
        }
    }

    /** The unit's data source: the one the container handed to EclipseLink, else looked up by its JNDI name. */
    static DataSource dataSource(Session session) throws NamingException {
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login)
                || !(login.getConnector() instanceof JNDIConnector jndi)) {
            throw new IllegalStateException("the persistence unit has no data source to migrate: "
                    + session.getDatasourceLogin());
        }
        return jndi.getDataSource() != null ? jndi.getDataSource() : (DataSource) new InitialContext().lookup(jndi.getName());
    }
}
