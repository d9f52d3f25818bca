package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Summary of a finished run. Note Bacalhau's lower-case {@code stderr} key. Stdout and stderr are
 * truncated to {@link #SUMMARY_LIMIT} bytes; the full streams are in the published results.
 */
public record RunOutput(
        @JsonProperty("Stdout") String stdout,
        @JsonProperty("StdoutTruncated") boolean stdoutTruncated,
        @JsonProperty("stderr") String stderr,
        @JsonProperty("StderrTruncated") boolean stderrTruncated,
        @JsonProperty("ExitCode") int exitCode,
        @JsonProperty("ErrorMsg") String errorMsg) {

    public static final int SUMMARY_LIMIT = 2048;
    public static final RunOutput EMPTY = new RunOutput("", false, "", false, 0, "");

    public RunOutput {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        errorMsg = errorMsg == null ? "" : errorMsg;
    }
}
