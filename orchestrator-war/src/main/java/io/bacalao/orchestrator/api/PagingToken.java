package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.BacalaoException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bacalhau's paging token: base64url without padding of {@code <SortBy>:<Y|N>:<Limit>:<Offset>}. When a
 * request carries one, it overrides order_by, reverse and limit. A token is client input: its limit must be a
 * valid page size (1…{@link QueryParams#MAX_LIMIT}) and its offset 0…{@link #MAX_OFFSET}, or it is refused (400).
 */
public record PagingToken(String sortBy, boolean reverse, int limit, long offset) {
    /** Largest offset a token may carry: what a JPA query can skip to. */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    public String encode() {
        String raw = sortBy + ":" + (reverse ? "Y" : "N") + ":" + limit + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PagingToken decode(String token) {
        if (token.length() > QueryParams.MAX_TOKEN) throw invalid(token);
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split(":", -1);
            if (p.length != 4 || !p[1].matches("[YN]") || !p[2].matches("\\d{1,10}") || !p[3].matches("\\d{1,19}")) {
                throw invalid(token);
            }
            long limit = Long.parseLong(p[2]);
            long offset = Long.parseLong(p[3]);
            if (limit < 1 || limit > QueryParams.MAX_LIMIT || offset > MAX_OFFSET
                    || p[0].length() > QueryParams.MAX_TEXT) {
                throw invalid(token);
            }
            return new PagingToken(p[0], "Y".equals(p[1]), (int) limit, offset);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
    }

    private static BacalaoException invalid(String token) {
        return BacalaoException.badRequest("JobStore", "invalid next token: " + QueryParams.shorten(token));
    }
}
