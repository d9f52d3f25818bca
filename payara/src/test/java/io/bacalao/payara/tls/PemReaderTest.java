package io.bacalao.payara.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemReaderTest {
    @TempDir
    Path dir;

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The content of the PKCS#8 privateKey OCTET STRING: the PKCS#1 RSAPrivateKey or the SEC1 ECPrivateKey. */
    static byte[] innerKey(byte[] pkcs8) {
        int[] outer = tlv(pkcs8, 0);
        int p = outer[0];
        p = tlv(pkcs8, p)[1]; // version
        p = tlv(pkcs8, p)[1]; // algorithm
        int[] octets = tlv(pkcs8, p);
        return Arrays.copyOfRange(pkcs8, octets[0], octets[1]);
    }

    /** {content start, end} of the DER element at {@code offset}. */
    static int[] tlv(byte[] b, int offset) {
        int len = b[offset + 1] & 0xff;
        int start = offset + 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) len = (len << 8) | (b[start + i] & 0xff);
            start += n;
        }
        return new int[]{start, start + len};
    }

    Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsPkcs8AndPkcs1RsaKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        PrivateKey fromPkcs8 = PemReader.privateKey(write("k8.pem", pem("PRIVATE KEY", pkcs8)));
        PrivateKey fromPkcs1 = PemReader.privateKey(write("k1.pem", pem("RSA PRIVATE KEY", innerKey(pkcs8))));
        assertArrayEquals(pkcs8, fromPkcs8.getEncoded());
        assertArrayEquals(pkcs8, fromPkcs1.getEncoded());
        assertTrue(KeyPairs.match(fromPkcs1, pair.getPublic()));
    }

    @Test
    void readsPkcs8AndSec1EcKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        assertTrue(KeyPairs.match(PemReader.privateKey(write("ec8.pem", pem("PRIVATE KEY", pkcs8))), pair.getPublic()));
        // SEC1 as openssl writes it: version, key, [0] the curve's OID (P-256), [1] the public key (left out here)
        byte[] inner = innerKey(pkcs8);
        int[] seq = tlv(inner, 0);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int p = seq[0];
        p = copy(inner, p, content); // version
        copy(inner, p, content); // private key
        content.writeBytes(HexFormat.of().parseHex("a00a06082a8648ce3d030107"));
        ByteArrayOutputStream sec1 = new ByteArrayOutputStream();
        sec1.write(0x30);
        sec1.write(content.size());
        sec1.writeBytes(content.toByteArray());
        PrivateKey fromSec1 = PemReader.privateKey(write("ec1.pem", pem("EC PRIVATE KEY", sec1.toByteArray())));
        assertEquals("EC", fromSec1.getAlgorithm());
        assertTrue(KeyPairs.match(fromSec1, pair.getPublic()));
    }

    private static int copy(byte[] b, int offset, ByteArrayOutputStream out) {
        int end = tlv(b, offset)[1];
        out.write(b, offset, end - offset);
        return end;
    }

    @Test
    void aKeyAfterACertificateInTheSameFileIsFound() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
        String text = pem("CERTIFICATE", new byte[]{1, 2, 3}) + "some text\n" + pem("PRIVATE KEY", pkcs8);
        assertArrayEquals(pkcs8, PemReader.privateKey(write("both.pem", text)).getEncoded());
    }

    @Test
    void badKeyFilesAreNamedWithWhatIsWrong() throws Exception {
        var encrypted = assertThrows(PemReader.PemException.class,
                () -> PemReader.privateKey(write("enc.pem", pem("ENCRYPTED PRIVATE KEY", new byte[]{1, 2}))));
        assertTrue(encrypted.getMessage().contains("enc.pem: the private key is encrypted"), encrypted.getMessage());
        var none = assertThrows(PemReader.PemException.class, () -> PemReader.privateKey(write("none.pem", "hello\n")));
        assertTrue(none.getMessage().contains("no \"BEGIN PRIVATE KEY\""), none.getMessage());
        var damaged = assertThrows(PemReader.PemException.class,
                () -> PemReader.privateKey(write("dmg.pem", pem("PRIVATE KEY", new byte[]{0x30, 3, 2, 1, 0}))));
        assertTrue(damaged.getMessage().contains("dmg.pem: the PKCS#8 private key"), damaged.getMessage());
        var missing = assertThrows(PemReader.PemException.class, () -> PemReader.privateKey(dir.resolve("absent.pem")));
        assertTrue(missing.getMessage().contains("absent.pem: cannot read"), missing.getMessage());
    }

    @Test
    void badCertificateFilesAreNamedWithWhatIsWrong() throws Exception {
        var none = assertThrows(PemReader.PemException.class, () -> PemReader.certificates(write("c.pem", "nothing")));
        assertTrue(none.getMessage().contains("c.pem: no \"BEGIN CERTIFICATE\" block"), none.getMessage());
        var damaged = assertThrows(PemReader.PemException.class,
                () -> PemReader.certificates(write("d.pem", pem("CERTIFICATE", new byte[]{0x30, 1, 0}))));
        assertTrue(damaged.getMessage().contains("d.pem: not a readable PEM certificate"), damaged.getMessage());
    }
}
