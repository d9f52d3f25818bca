package io.bacalao.domain.model;

import java.util.UUID;
import java.util.regex.Pattern;

/** Bacalhau's identifiers: {@code j-<uuid>} jobs, {@code e-<uuid>} executions, {@code n-<uuid>} nodes. */
public final class Ids {
    public static final String JOB = "j-";
    public static final String EXECUTION = "e-";
    public static final String NODE = "n-";
    private static final int SHORT_UUID_LENGTH = 8;
    private static final Pattern SHORT_ID = Pattern.compile("^[a-z]-[0-9a-f]{1,8}$");

    private Ids() {
    }

    public static String newJobId() {
        return JOB + UUID.randomUUID();
    }

    public static String newExecutionId() {
        return EXECUTION + UUID.randomUUID();
    }

    public static String newNodeId() {
        return NODE + UUID.randomUUID();
    }

    public static String newEvaluationId() {
        return UUID.randomUUID().toString();
    }

    /** {@code j-5f0e1c2a-3b4d-…} becomes {@code j-5f0e1c2a}; anything without a known prefix is returned as is. */
    public static String shortId(String id) {
        if (id == null) return "";
        if (id.length() > 2 && id.charAt(1) == '-' && id.length() > 2 + SHORT_UUID_LENGTH) {
            return id.substring(0, 2 + SHORT_UUID_LENGTH);
        }
        return id;
    }

    /** True for a prefix such as {@code j-5f0e} that may be matched against full IDs. */
    public static boolean looksLikeShortId(String id) {
        return id != null && SHORT_ID.matcher(id).matches();
    }
}
