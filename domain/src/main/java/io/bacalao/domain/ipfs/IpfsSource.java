package io.bacalao.domain.ipfs;

import io.bacalao.domain.model.SpecConfig;
import java.util.Map;

/**
 * The parameters of an {@code ipfs} input source or published {@code ipfs} result (Bacalhau's
 * {@code pkg/storage/ipfs/types.go}): {@code CID}, the root of a UnixFS file or directory. docs/ipfs.md.
 */
public record IpfsSource(String cid) {
    public static final String TYPE = "ipfs";

    public IpfsSource {
        cid = cid == null ? "" : cid.strip();
    }

    /** @throws IllegalArgumentException with Bacalhau's message when the CID is missing */
    public static IpfsSource from(SpecConfig spec) {
        IpfsSource s = new IpfsSource(spec.param("CID"));
        if (s.cid.isEmpty()) throw new IllegalArgumentException("invalid ipfs params. cid cannot be empty");
        return s;
    }

    public SpecConfig spec() {
        return SpecConfig.of(TYPE, Map.of("CID", cid));
    }

    /** {@code ipfs://CID}, for messages. */
    public String uri() {
        return "ipfs://" + cid;
    }
}
