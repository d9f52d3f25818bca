package io.bacalao.cli.command;

import io.bacalao.domain.config.BuildVersion;
import picocli.CommandLine;

/** {@code --version}: Bacalao's version and the Bacalhau API it speaks. */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"bacalao " + BuildVersion.bacalaoVersion() + " (Bacalhau API "
                + BuildVersion.COMPATIBLE_BACALHAU_VERSION + ")"};
    }
}
