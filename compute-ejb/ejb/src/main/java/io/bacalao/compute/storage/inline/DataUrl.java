package io.bacalao.compute.storage.inline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An RFC 2397 data URL, {@code data:[<mediatype>][;base64],<data>}: the media type (lower case, without
 * parameters; {@code text/plain} when absent) and the decoded bytes. The data part is percent-decoded (never
 * '+' to space), then base64-decoded when {@code ;base64} is given (standard or URL-safe alphabet, padding
 * optional, whitespace ignored).
 */
public record DataUrl(String mediaType, byte[] bytes) {

    /** @throws IllegalArgumentException with the reason, when {@code url} is not a well-formed data URL */
    public static DataUrl parse(String url) {
        if (url == null || !url.regionMatches(true, 0, "data:", 0, 5)) {
            throw new IllegalArgumentException("it does not start with \"data:\"");
        }
        int comma = url.indexOf(',');
        if (comma < 0) throw new IllegalArgumentException("it has no ',' before the data");
        String[] header = url.substring(5, comma).split(";", -1);
        boolean base64 = header.length > 1 && header[header.length - 1].strip().equalsIgnoreCase("base64");
        String mediaType = header[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.isEmpty()) {
            mediaType = "text/plain";
        } else if (mediaType.indexOf('/') <= 0 || mediaType.endsWith("/")) {
            throw new IllegalArgumentException("\"" + header[0] + "\" is not a media type");
        }
        byte[] data = percentDecode(url.substring(comma + 1));
        return new DataUrl(mediaType, base64 ? base64(data) : data);
    }

    private static byte[] base64(byte[] encoded) {
        String text = new String(encoded, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        Base64.Decoder decoder = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder();
        try {
            return decoder.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its base64 data is invalid: " + e.getMessage(), e);
        }
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            out.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
            literal.setLength(0);
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo < 0) throw new IllegalArgumentException("bad percent-encoding at data offset " + i);
            out.write(hi * 16 + lo);
            i += 2;
        }
        out.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public boolean isGzip() {
        return mediaType.equals("application/gzip") || mediaType.equals("application/x-gzip")
                || mediaType.equals("application/x-tar+gzip");
    }
}
