package io.bacalao.domain.ipfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.archive.ArchiveTooLargeException;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.ipfs.testing.IpfsTestNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubo RPC client against the real test IPFS node (its own process, started once for the class). */
class KuboClientTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What {@code echo hello | ipfs add} prints with Kubo's defaults. */
    static final String HELLO_CID = "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN";

    static IpfsTestNode node;
    static KuboClient ipfs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(@TempDir Path repo) throws Exception {
        node = IpfsTestNode.start(repo.resolve("ipfs"));
        ipfs = KuboClient.of(node.endpoint());
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void helloHasKubosCidVersion0() throws Exception {
        Path hello = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
        String cid = ipfs.add(hello, TIMEOUT);
        assertEquals(HELLO_CID, cid);
        assertEquals(cidV0OfSmallFile("hello\n".getBytes(StandardCharsets.UTF_8)), cid, "the dag-pb/UnixFS node as Kubo encodes it");
        assertEquals("hello\n", new String(ipfs.cat(cid, TIMEOUT), StandardCharsets.UTF_8));
    }

    @Test
    void aFolderAddedWrappedComesBackAsTheSameTree() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("stdout"), "out\n");
        Files.writeString(results.resolve("exitCode"), "0");
        Files.createDirectories(results.resolve("outputs/sub dir"));
        Files.writeString(results.resolve("outputs/sub dir/a b.csv"), "a,b\n1,2\n");
        Files.createDirectories(results.resolve("outputs/empty"));
        String cid = ipfs.add(results, TIMEOUT);
        assertTrue(cid.startsWith("Qm"), cid);
        assertEquals("a,b\n1,2\n", new String(ipfs.cat(cid + "/outputs/sub dir/a b.csv", TIMEOUT), StandardCharsets.UTF_8));

        Path back = tmp.resolve("back");
        ipfs.get(cid, back, UnpackLimits.NONE, TIMEOUT);
        assertEquals("out\n", Files.readString(back.resolve("stdout")));
        assertEquals("0", Files.readString(back.resolve("exitCode")));
        assertEquals("a,b\n1,2\n", Files.readString(back.resolve("outputs/sub dir/a b.csv")));
        assertTrue(Files.isDirectory(back.resolve("outputs/empty")));
        assertEquals(cid, ipfs.add(back, TIMEOUT), "the same tree has the same CID");
    }

    @Test
    void aFileOfSeveralChunksComesBackAsAFile() throws Exception {
        byte[] data = new byte[700_000];
        new Random(7).nextBytes(data);
        String cid = ipfs.add(Files.write(tmp.resolve("big.bin"), data), TIMEOUT);
        Path back = tmp.resolve("in/big");
        ipfs.get(cid, back, UnpackLimits.NONE, TIMEOUT);
        assertArrayEquals(data, Files.readAllBytes(back));
    }

    @Test
    void aTreeOverTheLimitsLeavesNothingBehind() throws Exception {
        byte[] data = new byte[10_000];
        String cid = ipfs.add(Files.write(tmp.resolve("ten-k.bin"), data), TIMEOUT);
        Path target = tmp.resolve("limited/data");
        assertThrows(ArchiveTooLargeException.class, () -> ipfs.get(cid, target, new UnpackLimits(1_000, 10), TIMEOUT));
        assertFalse(Files.exists(target));
        try (var left = Files.list(target.getParent())) {
            assertEquals(0, left.count(), "no staging folder is left");
        }
    }

    @Test
    void anUnknownCidIsTheNodesError() throws Exception {
        String unknown = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nx";
        KuboException e = assertThrows(KuboException.class,
                () -> ipfs.get(unknown, tmp.resolve("nothing"), UnpackLimits.NONE, TIMEOUT));
        assertFalse(e.unreachable());
        assertTrue(e.getMessage().startsWith("the IPFS node at " + ipfs.endpoint() + " answered \""), e.getMessage());
        assertTrue(e.getMessage().contains("could not find " + unknown), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("nothing")));
    }

    @Test
    void anExistingTargetIsRefused() throws Exception {
        Path there = Files.writeString(tmp.resolve("there"), "x");
        assertThrows(java.io.IOException.class, () -> ipfs.get(HELLO_CID, there, UnpackLimits.NONE, TIMEOUT));
        assertEquals("x", Files.readString(there));
    }

    @Test
    void versionAndIdAnswer() throws Exception {
        assertFalse(ipfs.version(TIMEOUT).isBlank());
        assertFalse(ipfs.id(TIMEOUT).isBlank());
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        String closed = IpfsTestNode.closedEndpoint();
        KuboClient nobody = KuboClient.of(closed);
        KuboException e = assertThrows(KuboException.class, () -> nobody.version(TIMEOUT));
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().startsWith("the IPFS node at " + KuboEndpoint.parse(closed) + " cannot be reached"), e.getMessage());
    }

    /**
     * The CIDv0 of a file small enough for one block, computed here without IPFS code: a dag-pb node whose Data is
     * the UnixFS message {Type: File, Data: bytes, filesize}, hashed with sha2-256, as a base58btc multihash.
     */
    static String cidV0OfSmallFile(byte[] content) throws Exception {
        ByteArrayOutputStream unixfs = new ByteArrayOutputStream();
        unixfs.write(new byte[]{0x08, 0x02, 0x12, (byte) content.length});
        unixfs.write(content);
        unixfs.write(new byte[]{0x18, (byte) content.length});
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        node.write(new byte[]{0x0a, (byte) unixfs.size()});
        node.write(unixfs.toByteArray());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toByteArray());
        byte[] multihash = new byte[2 + digest.length];
        multihash[0] = 0x12;
        multihash[1] = 0x20;
        System.arraycopy(digest, 0, multihash, 2, digest.length);
        return base58(multihash);
    }

    private static String base58(byte[] bytes) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            s.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) s.append('1');
        return s.reverse().toString();
    }
}
