package io.bacalao.payara.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files with the JDK only: X.509 certificates (a chain, leaf first) and an unencrypted private key as
 * {@code PRIVATE KEY} (PKCS#8: RSA, EC or Ed25519), {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY}
 * (SEC1, named curves). PKCS#1 and SEC1 keys are wrapped into PKCS#8 (a few fixed DER bytes) for {@link KeyFactory}.
 * Every failure is a {@link PemException} that names the file and what was wrong with it.
 */
public final class PemReader {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** OID id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private PemReader() {
    }

    /** Thrown for a missing, unreadable, wrongly typed or encrypted PEM file. */
    public static final class PemException extends IOException {
        PemException(String message) {
            super(message);
        }
    }

    /** Every certificate of {@code file}, in file order (leaf first for a chain). */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        String text = read(file);
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(text)) {
                if (b.type().equals("CERTIFICATE")) {
                    certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PemException(file + ": not a readable PEM certificate (" + e.getMessage() + ")");
        }
        if (certs.isEmpty()) throw new PemException(file + ": no \"BEGIN CERTIFICATE\" block found");
        return certs;
    }

    /** The private key of {@code file} (the first key block in it). */
    public static PrivateKey privateKey(Path file) throws IOException {
        for (Block b : blocks(read(file))) {
            switch (b.type()) {
                case "PRIVATE KEY":
                    return pkcs8(file, b.der());
                case "RSA PRIVATE KEY":
                    return decode(file, "RSA", sequence(concat(hex("020100"), RSA_ALGORITHM, octetString(b.der()))));
                case "EC PRIVATE KEY":
                    byte[] curve = namedCurve(file, b.der());
                    byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curve));
                    return decode(file, "EC", sequence(concat(hex("020100"), algorithm, octetString(b.der()))));
                case "ENCRYPTED PRIVATE KEY":
                    throw new PemException(file + ": the private key is encrypted; give an unencrypted key"
                            + " (openssl pkcs8 -in KEY -out PLAIN) and keep the file readable only by the node's user");
                default:
                    // certificates or parameters before the key: keep looking
            }
        }
        throw new PemException(file + ": no \"BEGIN PRIVATE KEY\", \"BEGIN RSA PRIVATE KEY\" or \"BEGIN EC PRIVATE KEY\" block found");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws PemException {
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new PemException(file + ": the PKCS#8 private key is neither RSA, EC nor Ed25519, or is damaged");
    }

    private static PrivateKey decode(Path file, String algorithm, byte[] pkcs8) throws PemException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new PemException(file + ": not a readable " + algorithm + " private key (" + e.getMessage() + ")");
        }
    }

    /**
     * The named-curve OID (with its DER header) of a SEC1 {@code ECPrivateKey}: SEQUENCE { INTEGER 1, OCTET STRING,
     * [0] OID, [1] BIT STRING }. Explicit curve parameters are refused (nobody makes them any more).
     */
    private static byte[] namedCurve(Path file, byte[] der) throws PemException {
        try {
            Der seq = Der.at(der, 0);
            int p = seq.contentStart();
            while (p < seq.end()) {
                Der field = Der.at(der, p);
                if ((der[p] & 0xff) == 0xa0) {
                    Der oid = Der.at(der, field.contentStart());
                    if (der[field.contentStart()] != 0x06) break;
                    return java.util.Arrays.copyOfRange(der, field.contentStart(), oid.end());
                }
                p = field.end();
            }
        } catch (IndexOutOfBoundsException e) {
            throw new PemException(file + ": damaged EC private key");
        }
        throw new PemException(file + ": the EC private key names no curve; convert it with openssl pkcs8 -topk8 -nocrypt");
    }

    /** One DER element: where its content starts and where it ends. */
    private record Der(int contentStart, int end) {
        static Der at(byte[] b, int offset) {
            int len = b[offset + 1] & 0xff;
            int start = offset + 2;
            if (len > 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) len = (len << 8) | (b[start + i] & 0xff);
                start += n;
            }
            if (start + len > b.length) throw new IndexOutOfBoundsException();
            return new Der(start, start + len);
        }
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(String text) throws PemException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new PemException("damaged base64 in a \"" + m.group(1) + "\" block");
            }
        }
        return blocks;
    }

    private static String read(Path file) throws PemException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new PemException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
