package io.bacalao.orchestrator.store;

import static io.bacalao.orchestrator.scheduler.JobBuilder.aJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.selector.Selector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A labelled listing reads the rows in batches until its page is found, and lists each job once. */
class JobListingTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Rows in listing order, {@code matching} of them labelled {@code run=this}; counts what was read. */
    private static final class Table implements JobListing.Rows {
        final List<Job> rows = new ArrayList<>();
        int rowsRead;
        int queries;

        Table(int size, int everyNthMatches) {
            for (int i = 0; i < size; i++) {
                rows.add(aJob().build(NOW).withId(String.format("j-%05d", i))
                        .withLabels(Map.of("run", i % everyNthMatches == 0 ? "this" : "other")));
            }
        }

        @Override
        public List<Job> read(int first, int max) {
            queries++;
            List<Job> read = rows.subList(Math.min(first, rows.size()), Math.min(rows.size(), first + max));
            rowsRead += read.size();
            return List.copyOf(read);
        }
    }

    private static JobQuery labelled(int limit, long offset) {
        return new JobQuery("", "created_at", false, limit, offset, Selector.parse("run=this"), Set.of());
    }

    private static List<String> ids(JobPage page) {
        return page.jobs().stream().map(Job::id).toList();
    }

    @Test
    void aPageNearTheTopReadsOneBatchNotTheTable() {
        Table table = new Table(10_000, 1);

        JobPage page = JobListing.labelled(labelled(10, 0), table);

        assertEquals(List.of("j-00000", "j-00001", "j-00002", "j-00003", "j-00004", "j-00005", "j-00006", "j-00007",
                "j-00008", "j-00009"), ids(page));
        assertTrue(page.more());
        assertEquals(1, table.queries);
        assertEquals(JobListing.FIRST_LABELLED_BATCH, table.rowsRead);
    }

    @Test
    void sparseMatchesAreFoundInGrowingBatchesThatStopAtThePage() {
        Table table = new Table(10_000, 50); // j-00000, j-00050, j-00100, ... match

        JobPage page = JobListing.labelled(labelled(3, 3), table);

        assertEquals(List.of("j-00150", "j-00200", "j-00250"), ids(page));
        assertTrue(page.more(), "j-00300 matches after the page");
        // 64 + 128 + 256 rows hold the matches up to j-00400; the page and one more need j-00300
        assertEquals(3, table.queries);
        assertEquals(64 + 128 + 256, table.rowsRead);
    }

    @Test
    void theLastPageSaysThereIsNoMore() {
        Table table = new Table(200, 50); // j-00000, j-00050, j-00100, j-00150

        JobPage page = JobListing.labelled(labelled(3, 2), table);

        assertEquals(List.of("j-00100", "j-00150"), ids(page));
        assertFalse(page.more());
        assertEquals(200, table.rowsRead);
    }

    @Test
    void withoutALimitEveryMatchIsListed() {
        Table table = new Table(5_000, 1_000);

        JobPage page = JobListing.labelled(labelled(0, 0), table);

        assertEquals(List.of("j-00000", "j-01000", "j-02000", "j-03000", "j-04000"), ids(page));
        assertFalse(page.more());
    }

    @Test
    void aJobThatMovesBetweenTwoBatchesIsListedOnce() {
        Table table = new Table(300, 3); // j-00000, j-00003, ... match; j-00063 ends the first batch
        JobListing.Rows shifting = (first, max) -> {
            // a job changed between the two queries and moved to the top: the next batch starts one row earlier
            return table.read(first == 0 ? 0 : first - 1, max);
        };

        JobPage page = JobListing.labelled(labelled(40, 0), shifting);

        assertEquals(40, page.jobs().size());
        assertEquals(40, Set.copyOf(ids(page)).size(), "no job twice");
        assertEquals("j-00117", page.jobs().get(39).id());
        assertEquals(2, table.queries);
    }
}
