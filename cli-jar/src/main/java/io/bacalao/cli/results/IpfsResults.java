package io.bacalao.cli.results;

import io.bacalao.cli.CliException;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.ipfs.IpfsSource;
import io.bacalao.domain.ipfs.KuboClient;
import io.bacalao.domain.ipfs.KuboException;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ipfs} results for {@code job get}: the CID's tree (or file) fetched from the Kubo RPC API the client is
 * configured with ({@code ResultDownloaders.Types.IPFS.Endpoint}) to {@code <dir>/<CID>}, as Bacalhau's IPFS
 * downloader lays it out. Failures are CliExceptions naming the CID and the endpoint.
 */
final class IpfsResults {
    private static final Pattern CID = Pattern.compile("[A-Za-z0-9]+");

    private IpfsResults() {
    }

    /** @param left time until the IPFS node must start answering */
    static Path fetch(String endpoint, SpecConfig result, Path dir, Set<String> taken, Duration left)
            throws IOException, InterruptedException {
        IpfsSource source;
        try {
            source = IpfsSource.from(result);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot download ipfs result: " + e.getMessage());
        }
        if (!CID.matcher(source.cid()).matches()) {
            throw new CliException("cannot download ipfs result: \"" + source.cid() + "\" is not a CID");
        }
        if (endpoint.isEmpty()) {
            throw new CliException("cannot download " + source.uri() + ": no IPFS node is configured to fetch it from",
                    "set " + ConfigKeys.IPFS_DOWNLOADER_ENDPOINT + " to a Kubo RPC API, e.g. -c "
                            + ConfigKeys.IPFS_DOWNLOADER_ENDPOINT + "=/ip4/127.0.0.1/tcp/5001 (docs/ipfs.md)");
        }
        KuboClient ipfs;
        try {
            ipfs = KuboClient.of(endpoint);
        } catch (IllegalArgumentException e) {
            throw new CliException(ConfigKeys.IPFS_DOWNLOADER_ENDPOINT + ": " + e.getMessage());
        }
        String name = source.cid();
        for (int n = 1; !taken.add(name); n++) name = n + "-" + source.cid();
        Path target = dir.resolve(name);
        try {
            ipfs.get(source.cid(), target, UnpackLimits.NONE, left);
        } catch (KuboException e) {
            throw new CliException("failed to download " + source.uri() + ": " + e.getMessage());
        }
        return target;
    }
}
