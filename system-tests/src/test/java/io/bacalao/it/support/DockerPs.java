package io.bacalao.it.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the local Docker engine which containers carry a label, as an operator would with docker ps. */
public final class DockerPs {
    private DockerPs() {
    }

    /** Removes (forcibly) the containers with this label, e.g. those a killed node left running. */
    public static void removeWithLabel(String label) {
        for (String id : withLabel(label)) {
            try {
                new ProcessBuilder("/usr/bin/docker", "rm", "-f", id).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new AssertionError("docker rm failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static List<String> withLabel(String label) {
        try {
            Process p = new ProcessBuilder("/usr/bin/docker", "ps", "-aq", "--filter", "label=" + label).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new AssertionError("docker ps failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
