package io.bacalao.orchestrator.schema;

import io.bacalao.store.schema.MigratingCustomizer;

/**
 * The orchestrator's tables ({@code db/orchestrator/<vendor>/V*.sql}, history in {@code orchestrator_schema_history}),
 * migrated before the {@code orchestrator} persistence unit logs in (its {@code persistence.xml} names this class).
 */
public class OrchestratorSchema extends MigratingCustomizer {
    public OrchestratorSchema() {
        super("orchestrator");
    }
}
