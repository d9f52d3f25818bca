package io.bacalao.compute.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The IDs of the outbox's reports, increasing in the order this node process hands them out, so that the outbox's
 * ID order is the order the reports were stored in: two reports stored in one transaction, or in two transactions
 * that changed the same execution one after the other (each under its row lock), get increasing IDs, and the
 * {@link OutboxSender} sends them in that order.
 *
 * <p>IDs come in blocks of {@link #BLOCK} reserved by {@link ReportIdBlocks}, each in a transaction of its own that
 * commits before any of its IDs is used, so no ID is handed out twice: not after a report's transaction rolled
 * back, nor after a restart (a new process's blocks lie above every ID an earlier one used).
 *
 * <p>JPA's table generator, used before, did not keep that order: when two transactions took their first IDs at
 * the same time, each reserved a block, and EclipseLink handed out the two blocks' IDs from one pool, so a
 * transaction's second report could get a lower ID than its first (a failure sent before the bid it follows).
 */
@ApplicationScoped
public class ReportIds {
    static final int BLOCK = 50;

    @Inject
    ReportIdBlocks blocks;
    private long next;
    private long end;

    ReportIds() {
    }

    ReportIds(ReportIdBlocks blocks) {
        this.blocks = blocks;
    }

    /** The next ID; reserves a new block when this process has used up its last one. */
    public synchronized long next() {
        if (next == end) {
            long last = blocks.reserve(BLOCK);
            next = last - BLOCK + 1;
            end = last + 1;
        }
        return next++;
    }
}
