package io.bacalao.compute.store;

import io.bacalao.store.schema.MigratingCustomizer;

/**
 * The compute node's tables ({@code db/compute/<vendor>/V*.sql}, history in {@code compute_schema_history}),
 * migrated before the {@code compute} persistence unit logs in (its {@code persistence.xml} names this class).
 */
public class ComputeSchema extends MigratingCustomizer {
    public ComputeSchema() {
        super("compute");
    }
}
