package io.bacalao.compute.storage.url;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a redirect leads: only to http or https, never from https down to http (what the JDK client's NORMAL
 * policy allows), resolved against the URL that answered. Followed by hand so that their number is bounded by
 * configuration and every hop is checked.
 */
final class Redirects {
    /** A redirect this node does not follow; retrying cannot help. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI next(URI from, Optional<String> location) throws Refused {
        String to = location.map(String::strip).orElse("");
        if (to.isEmpty()) throw new Refused("a redirect from " + from + " has no Location");
        URI target;
        try {
            target = from.resolve(to);
        } catch (IllegalArgumentException e) {
            throw new Refused("a redirect from " + from + " leads to an invalid URL: " + to);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new Refused("a redirect from " + from + " leads to " + target + ": only http and https URLs are supported");
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw new Refused("a redirect from " + from + " leads from https down to http: " + target);
        }
        return target;
    }
}
