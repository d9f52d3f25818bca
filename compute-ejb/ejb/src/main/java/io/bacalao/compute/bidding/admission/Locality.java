package io.bacalao.compute.bidding.admission;

import java.util.Locale;

/** {@code JobAdmissionControl.Locality}: whether this node bids on jobs whose inputs must be fetched. */
public enum Locality {
    /** Every input must already be on this node (inline data, an allow-listed local path). */
    LOCAL,
    /** Inputs may be downloaded (the default). */
    ANYWHERE;


    /** @throws IllegalArgumentException naming the key and the accepted words */
    public static Locality parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "anywhere" -> ANYWHERE;
            case "local" -> LOCAL;
            default -> throw new IllegalArgumentException(
                    "JobAdmissionControl.Locality must be \"local\" or \"anywhere\", not \"" + value + "\"");
        };
    }
}
