package io.bacalao.compute.publisher.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.publisher.PublishException;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.ipfs.KuboClient;
import io.bacalao.domain.ipfs.KuboEndpoint;
import io.bacalao.domain.ipfs.testing.IpfsTestNode;
import io.bacalao.domain.model.SpecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ipfs publisher against the real test IPFS node. */
class IpfsPublisherTest {
    static IpfsTestNode node;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        node = IpfsTestNode.start(dir.resolve("ipfs"));
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void theResultsFolderIsPublishedAsOneDirectoryCid() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results/outputs"));
        Files.writeString(results.resolve("out.csv"), "1,2\n");
        Files.writeString(results.getParent().resolve("stdout"), "done\n");
        Files.writeString(results.getParent().resolve("exitCode"), "0");

        SpecConfig published = new IpfsPublisher(node.endpoint()).publish("e-1", SpecConfig.of("ipfs"), results.getParent());

        assertEquals("ipfs", published.type());
        assertEquals(1, published.params().size(), published.params().toString());
        String cid = published.param("CID");
        Path back = tmp.resolve("back");
        KuboClient.of(node.endpoint()).get(cid, back, UnpackLimits.NONE, Duration.ofSeconds(30));
        assertEquals("done\n", Files.readString(back.resolve("stdout")));
        assertEquals("0", Files.readString(back.resolve("exitCode")));
        assertEquals("1,2\n", Files.readString(back.resolve("outputs/out.csv")));
    }

    @Test
    void anUnreachableNodeFailsThePublish() throws Exception {
        String closed = IpfsTestNode.closedEndpoint();
        Path results = Files.createDirectories(tmp.resolve("r"));
        Files.writeString(results.resolve("stdout"), "x");
        PublishException e = assertThrows(PublishException.class,
                () -> new IpfsPublisher(closed).publish("e-1", SpecConfig.of("ipfs"), results));
        assertTrue(e.getMessage().startsWith("failed to publish ipfs result: the IPFS node at " + KuboEndpoint.parse(closed)
                + " cannot be reached"), e.getMessage());
    }

    @Test
    void offeredOnlyWithAnEndpoint() {
        assertFalse(new IpfsPublisher("").installed());
        assertTrue(new IpfsPublisher(node.endpoint()).installed());
    }
}
