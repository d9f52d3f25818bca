package io.bacalao.compute.bidding;

import java.util.List;

/** The publishers and input source types this node offers (engines come from its executors). */
public interface Capabilities {
    List<String> publishers();

    List<String> storageSources();
}
