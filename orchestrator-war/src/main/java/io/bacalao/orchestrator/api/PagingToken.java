package io.bacalao.orchestrator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bacalhau's paging token: base64url without padding of {@code <SortBy>:<Y|N>:<Limit>:<Offset>}. When a
 * request carries one, it overrides order_by, reverse and limit.
 */
public record PagingToken(String sortBy, boolean reverse, int limit, long offset) {

    public String encode() {
        String raw = sortBy + ":" + (reverse ? "Y" : "N") + ":" + limit + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PagingToken decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split(":", -1);
            if (p.length != 4) throw new IllegalArgumentException();
            return new PagingToken(p[0], "Y".equals(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]));
        } catch (IllegalArgumentException e) {
            throw io.bacalao.domain.error.BacalaoException.badRequest("JobStore", "invalid next token: " + token);
        }
    }
}
