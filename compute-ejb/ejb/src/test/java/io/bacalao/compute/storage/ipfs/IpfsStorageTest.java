package io.bacalao.compute.storage.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.InputLimits;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.compute.storage.Storages;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.ipfs.KuboClient;
import io.bacalao.domain.ipfs.KuboEndpoint;
import io.bacalao.domain.ipfs.testing.IpfsTestNode;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ipfs inputs fetched from the real test IPFS node. */
class IpfsStorageTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static IpfsTestNode node;
    static IpfsStorage storage;
    static String treeCid;
    static String fileCid;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        node = IpfsTestNode.start(dir.resolve("ipfs"));
        storage = new IpfsStorage(node.endpoint());
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(tree.resolve("b.csv"), "3,4\n");
        Files.writeString(tree.getParent().resolve("a.csv"), "1,2\n");
        KuboClient ipfs = KuboClient.of(node.endpoint());
        treeCid = ipfs.add(tree.getParent(), TIMEOUT);
        fileCid = ipfs.add(tree.getParent().resolve("a.csv"), TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    private static InputSource input(String cid, String target) {
        return new InputSource(SpecConfig.of("ipfs", Map.of("CID", cid)), "", target);
    }

    private StorageContext context() {
        return new StorageContext(tmp.resolve("inputs"), 0, TIMEOUT, List.of());
    }

    @Test
    void aTreeIsMountedAsAFolderAtTheTarget() throws Exception {
        Mount m = storage.prepare(input(treeCid, "/inputs"), context());
        assertEquals("/inputs", m.target());
        assertFalse(m.readWrite());
        assertEquals("1,2\n", Files.readString(m.hostPath().resolve("a.csv")));
        assertEquals("3,4\n", Files.readString(m.hostPath().resolve("sub/b.csv")));
        assertTrue(m.hostPath().startsWith(tmp.resolve("inputs")));
    }

    @Test
    void aFileIsMountedAsAFile() throws Exception {
        Mount m = storage.prepare(input(fileCid, "/data/a.csv"), context());
        assertTrue(Files.isRegularFile(m.hostPath()));
        assertEquals("1,2\n", Files.readString(m.hostPath()));
    }

    @Test
    void anUnknownCidFailsWithTheNodesAnswer() {
        String unknown = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nx";
        StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(unknown, "/in"), context()));
        assertTrue(e.getMessage().startsWith("failed to fetch ipfs input ipfs://" + unknown + ": the IPFS node at http://127.0.0.1:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("could not find " + unknown), e.getMessage());
    }

    @Test
    void anUnreachableEndpointIsNamed() throws Exception {
        String closed = IpfsTestNode.closedEndpoint();
        IpfsStorage nowhere = new IpfsStorage(closed);
        StorageException e = assertThrows(StorageException.class, () -> nowhere.prepare(input(treeCid, "/in"), context()));
        assertTrue(e.getMessage().startsWith("failed to fetch ipfs input ipfs://" + treeCid
                + ": the IPFS node at " + KuboEndpoint.parse(closed) + " cannot be reached"), e.getMessage());
    }

    @Test
    void aTreeOverTheDownloadLimitFailsNamingTheKey() {
        InputLimits small = new InputLimits(5, 5, 1024, new UnpackLimits(1024, 100));
        StorageContext context = new StorageContext(tmp.resolve("inputs"), 0, TIMEOUT, List.of(), small);
        StorageException e = assertThrows(StorageException.class, () -> storage.prepare(input(treeCid, "/in"), context));
        assertTrue(e.getMessage().contains("InputSources.MaxDownloadBytes 5 bytes"), e.getMessage());
    }

    @Test
    void aMissingOrPathLikeCidIsRefusedAtBidTime() {
        assertEquals(Optional.of("invalid ipfs params. cid cannot be empty"), storage.refusal(input(" ", "/in")));
        assertEquals(Optional.of("invalid ipfs params. \"../etc\" is not a CID"), storage.refusal(input("../etc", "/in")));
        assertEquals(Optional.empty(), storage.refusal(input(treeCid, "/in")));
    }

    @Test
    void aNodeWithoutAnEndpointDoesNotOfferIpfs() {
        assertFalse(new IpfsStorage("").installed());
        assertEquals(List.of(), new Storages(List.of(new IpfsStorage(" ")), List.of()).types());
        assertEquals(List.of("ipfs"), new Storages(List.of(storage), List.of()).types());
    }
}
