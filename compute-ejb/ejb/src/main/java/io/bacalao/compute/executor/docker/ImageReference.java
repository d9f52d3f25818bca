package io.bacalao.compute.executor.docker;

/**
 * Image references as Docker reads them: {@code [registry[:port]/]path[:tag][@digest]}. An untagged pull asks the
 * engine for every tag of the repository, so a reference without tag or digest means {@code :latest}, as for
 * {@code docker run}.
 */
final class ImageReference {
    private ImageReference() {
    }

    static String withDefaultTag(String image) {
        if (image.contains("@")) return image;
        String last = image.substring(image.lastIndexOf('/') + 1);
        return last.contains(":") ? image : image + ":latest";
    }

    /** The repository of a reference that has a tag or digest (see {@link #withDefaultTag}). */
    static String repository(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) return reference.substring(0, at);
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }

    /** The tag, or the digest ({@code sha256:…}) of a pinned reference. */
    static String tagOrDigest(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) return reference.substring(at + 1);
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : "latest";
    }
}
