package io.bacalao.compute.storage.ipfs;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.archive.ArchiveTooLargeException;
import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.archive.UnsafeArchiveException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.ipfs.IpfsSource;
import io.bacalao.domain.ipfs.ConfiguredKubo;
import io.bacalao.domain.model.InputSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Source type {@code ipfs} ({@code {"CID": …}}; Bacalhau's {@code pkg/storage/ipfs}; docs/ipfs.md): the file or
 * directory tree of the CID is fetched from the Kubo RPC API at {@code InputSources.Types.IPFS.Endpoint} to
 * {@code <inputDir>/<CID>} and mounted read-only at {@code Target} (a file as a file, a tree as a folder). Offered
 * only when that endpoint is set. At most {@code InputSources.MaxDownloadBytes} and
 * {@code InputSources.MaxUnpackedEntries} are written.
 */
@ApplicationScoped
public class IpfsStorage implements InputStorage {
    /** base58btc (CIDv0) or multibase base32/base36 (CIDv1): letters and digits only, so never a path. */
    private static final Pattern CID = Pattern.compile("[A-Za-z0-9]+");

    @Inject
    ComputeSettings settings;
    private final ConfiguredKubo ipfs;

    /** For CDI. */
    public IpfsStorage() {
        ipfs = new ConfiguredKubo(() -> settings.config().get(ConfigKeys.IPFS_INPUT_ENDPOINT));
    }

    /** With the Kubo RPC endpoint given (empty: not installed). */
    public IpfsStorage(String endpoint) {
        ipfs = new ConfiguredKubo(() -> endpoint);
    }

    @Override
    public String type() {
        return IpfsSource.TYPE;
    }

    @Override
    public boolean installed() {
        return ipfs.configured();
    }

    @Override
    public Optional<String> refusal(InputSource input) {
        try {
            source(input);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        IpfsSource source;
        try {
            source = source(input);
        } catch (IllegalArgumentException e) {
            throw new StorageException("failed to fetch ipfs input: " + e.getMessage());
        }
        String failed = "failed to fetch ipfs input " + source.uri() + ": ";
        Path fetched = context.inputDir().resolve(source.cid());
        UnpackLimits limits = new UnpackLimits(context.limits().maxDownloadBytes(), context.limits().unpack().maxEntries());
        try {
            ipfs.client().get(source.cid(), fetched, limits, context.readTimeout());
        } catch (ArchiveTooLargeException e) {
            throw new StorageException(failed + "larger than allowed (" + ConfigKeys.MAX_DOWNLOAD_BYTES + " "
                    + limits.maxBytes() + " bytes, " + ConfigKeys.MAX_UNPACKED_ENTRIES + " " + limits.maxEntries() + "): "
                    + e.getMessage());
        } catch (UnsafeArchiveException e) {
            throw new StorageException(failed + "the IPFS node sent an unsafe tree: " + e.getMessage());
        } catch (IOException e) {
            throw new StorageException(failed + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StorageException(failed + e.getMessage() + " (" + ConfigKeys.IPFS_INPUT_ENDPOINT + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("fetching " + source.uri() + " was interrupted", e);
        }
        return new Mount(fetched, input.target(), false);
    }

    private static IpfsSource source(InputSource input) {
        IpfsSource source = IpfsSource.from(input.source());
        if (!CID.matcher(source.cid()).matches()) {
            throw new IllegalArgumentException("invalid ipfs params. \"" + source.cid() + "\" is not a CID");
        }
        return source;
    }
}
