package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.exception.DockerException;

/** Turns engine errors into the engine's own message, without Java exception noise. */
final class DockerMessages {
    private DockerMessages() {
    }

    static String of(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof DockerException) {
            int brace = m.indexOf("{\"message\":\"");
            if (brace >= 0) {
                String rest = m.substring(brace + 12);
                int end = rest.lastIndexOf("\"}");
                return (end > 0 ? rest.substring(0, end) : rest).replace("\\\"", "\"");
            }
        }
        return m.strip();
    }

    /** The engine's answer when a GPU device request cannot be served. */
    static boolean isMissingGpuRuntime(String message) {
        return message.contains("could not select device driver") || message.contains("nvidia-container");
    }
}
