package io.bacalao.domain.config;

import java.util.List;

/** Writes {@code docs/config.md} from the key registry, so the page cannot drift from {@link ConfigKeys}. */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static String markdown() {
        List<ConfigKey> keys = ConfigKeys.all();
        long bacalhau = BacalhauKeys.all().size();
        long acted = BacalhauKeys.all().stream()
                .filter(b -> ConfigKeys.find(b.name()).map(ConfigKey::acted).orElse(false)).count();
        StringBuilder md = new StringBuilder();
        md.append("# Configuration keys\n\n")
                .append("<!-- Generated from ConfigKeys by ConfigDocsTest; do not edit. Regenerate with:\n")
                .append("     mvn -pl domain test -Dtest=ConfigDocsTest -Dconfig.docs.write=true -->\n\n")
                .append("Bacalao reads Bacalhau's configuration: the same keys (matched in any case) in `<DataDir>/config.yaml`")
                .append(" or files given with `-c FILE`, environment variables `BACALAO_<KEY>` (dots as underscores; Bacalhau's")
                .append(" `BACALHAU_<KEY>` too, ours win when both are set; `BACALAO_DIR`, else `BACALHAU_DIR`, sets DataDir),")
                .append(" flags, then `-c Key=Value`, later winning. `bacalao config list` shows the effective values and")
                .append(" `bacalao config set KEY=VALUE` writes a config file.\n\n")
                .append("Every key of Bacalhau v1.9 is accepted: ").append(bacalhau).append(" keys, of which Bacalao acts on ")
                .append(acted).append(". A key marked *no* under **Acts** is accepted and ignored; a node started with one")
                .append(" set says so in one warning line. A key that is neither Bacalhau's nor Bacalao's is refused,")
                .append(" with the nearest known key as a hint. Keys marked *Bacalao* under **Origin** are Bacalao's own.\n\n")
                .append("| Key | Default | Acts | Origin | Description |\n")
                .append("|---|---|---|---|---|\n");
        for (ConfigKey k : keys) {
            String def = k.name().equals(ConfigKeys.WORKER_COUNT) ? "number of CPUs" : k.defaultValue();
            md.append("| `").append(k.name()).append("` | ")
                    .append(def.isEmpty() ? "" : "`" + cell(def) + "`").append(" | ")
                    .append(k.acted() ? "yes" : "*no*").append(" | ")
                    .append(BacalhauKeys.find(k.name()).isPresent() ? "Bacalhau" : "*Bacalao*").append(" | ")
                    .append(cell(k.description() + allowed(k))).append(" |\n");
        }
        return md.toString();
    }

    /** " Allowed: at least 1." for a whole-number key with a range; "" otherwise. */
    private static String allowed(ConfigKey k) {
        String range = k.range().describe();
        return range.isEmpty() ? "" : " Allowed: " + range + ".";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
