package io.bacalao.orchestrator.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings a store written by an earlier version up to the entity mappings at start-up ({@link SchemaSteps}), after
 * EclipseLink has created or extended the tables. Outside a transaction: each statement commits on its own.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaUpgrade {
    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());

    @PersistenceContext(unitName = "orchestrator")
    EntityManager em;
    @Resource(lookup = "jdbc/__default")
    DataSource store;

    /** Not in a transaction (the class's attribute does not reach a singleton's PostConstruct in Payara). */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void upgrade() {
        // the first query makes EclipseLink log in, which runs its create-or-extend of the tables first
        em.createQuery("select count(n) from NodeEntity n").getSingleResult();
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(true);
            List<String> done = SchemaSteps.apply(c);
            if (!done.isEmpty()) LOG.info(() -> "store schema brought up to date: " + String.join("; ", done));
        } catch (SQLException e) {
            LOG.warning(() -> "store schema not checked (the next start tries again): " + e.getMessage());
        }
    }
}
