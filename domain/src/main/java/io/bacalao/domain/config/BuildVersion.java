package io.bacalao.domain.config;

import io.bacalao.domain.model.BuildVersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The version every Bacalao process reports. Bacalao speaks Bacalhau v1.9's API, so GitVersion is the
 * Bacalhau version it is compatible with; Bacalao's own version and build time come from the build.
 */
public final class BuildVersion {
    public static final String COMPATIBLE_BACALHAU_VERSION = "v1.9.3";
    private static final Properties BUILD = load();

    private BuildVersion() {
    }

    public static String bacalaoVersion() {
        return BUILD.getProperty("version", "dev");
    }

    public static BuildVersionInfo current() {
        return new BuildVersionInfo("1", "9", COMPATIBLE_BACALHAU_VERSION, "bacalao-" + bacalaoVersion(),
                BUILD.getProperty("buildDate", ""), os(), arch());
    }

    public static String os() {
        String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    public static String arch() {
        String a = System.getProperty("os.arch", "amd64");
        return switch (a) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/io/bacalao/domain/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // a build without the file reports "dev"
        }
        return p;
    }
}
