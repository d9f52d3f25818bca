package io.bacalao.cli.command.wasm;

import io.bacalao.cli.CliException;
import io.bacalao.cli.spec.InputParser;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A module named on the {@code wasm run} command line ({@code ENTRY-MODULE} or {@code -I}): {@code SOURCE[:/TARGET]}.
 * SOURCE is a URI the node fetches ({@code http(s)://…}, {@code ipfs://…}, {@code s3://…}, as {@code -i} takes
 * them; {@code file://} is a path on the node) or a file on this machine, which is embedded in the job as an {@code inline} input: a data URL of the file's bytes
 * in base64, which the node mounts as a file at TARGET. TARGET defaults to {@code /<file name>} (Bacalhau's
 * default is the relative {@code main.wasm}; a WASI module sees it at {@code /main.wasm}).
 */
final class ModuleArgument {
    static final String MEDIA_TYPE = "application/wasm";

    private ModuleArgument() {
    }

    static InputSource parse(String value) {
        if (value == null || value.isBlank()) throw new CliException("missing ENTRY-MODULE", WasmRunCommand.USAGE);
        String[] split = splitTarget(value.strip());
        String source = split[0];
        if (source.contains("://")) {
            String target = split[1] != null ? split[1] : "/" + lastSegment(source);
            InputSource in = InputParser.parse("src=" + source + ",dst=" + target);
            return new InputSource(in.source(), source, target);
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) throw new CliException("module " + source + " is not a file on this machine"
                + " and not a URI (http(s)://, ipfs://, s3://, file:// on the node)");
        String target = split[1] != null ? split[1] : "/" + file.getFileName();
        try {
            String data = "data:" + MEDIA_TYPE + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            return new InputSource(SpecConfig.of("inline", Map.of("URL", data)), file.getFileName().toString(), target);
        } catch (IOException e) {
            throw new CliException("cannot read module " + source + ": " + e.getMessage());
        }
    }

    /** {@code [source, target or null]}: the target is what follows the last ':' when it is an absolute path. */
    private static String[] splitTarget(String value) {
        int schemeEnd = value.indexOf("://");
        int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int colon = value.lastIndexOf(':');
        if (colon >= from && colon + 1 < value.length() && value.charAt(colon + 1) == '/') {
            return new String[]{value.substring(0, colon), value.substring(colon + 1)};
        }
        return new String[]{value, null};
    }

    private static String lastSegment(String uri) {
        String path;
        try {
            path = URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "main.wasm" : name;
    }
}
