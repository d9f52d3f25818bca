package io.bacalao.compute.capacity.gpu;

import io.bacalao.domain.model.GpuInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Finds this machine's GPUs by running each vendor's probe in turn (so at most providers × timeout in all).
 *
 * <p>Contract: {@link #detect()} never throws. A probe that cannot be started (tool not installed), exits non-zero
 * (e.g. no driver, no devices), overruns the timeout, or prints output its parser rejects contributes no GPUs and is
 * logged. The result is the providers' lists concatenated in provider order; indices are the vendor tools' own, not
 * renumbered, so two vendors may both have a GPU 0.
 */
public final class GpuDetector {
    /** How long one probe may run; vendor tools answer in well under a second unless the driver is wedged. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(GpuDetector.class.getName());

    private final List<GpuProvider> providers;
    private final CommandRunner runner;
    private final Duration timeout;

    public GpuDetector(List<GpuProvider> providers, CommandRunner runner, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive: " + timeout);
        }
        this.providers = List.copyOf(providers);
        this.runner = runner;
        this.timeout = timeout;
    }

    /** NVIDIA, AMD and Intel probes run as child processes, {@link #DEFAULT_TIMEOUT} each. */
    public static GpuDetector forThisMachine() {
        return new GpuDetector(allVendors(), new ProcessCommandRunner(), DEFAULT_TIMEOUT);
    }

    /** The known probes, in the order their GPUs are listed: NVIDIA, AMD, Intel. */
    public static List<GpuProvider> allVendors() {
        return List.of(new NvidiaSmi(), new RocmSmi(), new XpuSmi());
    }

    /** All GPUs the probes found; empty when none. If the thread is interrupted, stops and keeps the interrupt. */
    public List<GpuInfo> detect() {
        List<GpuInfo> gpus = new ArrayList<>();
        for (GpuProvider provider : providers) {
            try {
                gpus.addAll(probe(provider));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warning("GPU detection interrupted during " + provider.command().get(0));
                break;
            }
        }
        return List.copyOf(gpus);
    }

    private List<GpuInfo> probe(GpuProvider provider) throws InterruptedException {
        String tool = provider.command().get(0);
        CommandRunner.Output out;
        try {
            out = runner.run(provider.command(), timeout);
        } catch (IOException e) {
            LOG.info(() -> "no " + provider.vendor() + " GPUs: cannot run " + tool + ": " + e.getMessage());
            return List.of();
        } catch (TimeoutException e) {
            LOG.warning(() -> "no " + provider.vendor() + " GPUs: " + tool + " did not answer within " + timeout);
            return List.of();
        }
        if (out.exitCode() != 0) {
            LOG.info(() -> "no " + provider.vendor() + " GPUs: " + tool + " exited with " + out.exitCode());
            return List.of();
        }
        try {
            List<GpuInfo> found = provider.parse(out.stdout());
            LOG.info(() -> tool + " found " + found.size() + " " + provider.vendor() + " GPU(s)");
            return found;
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "no " + provider.vendor() + " GPUs: cannot read " + tool + " output: " + e.getMessage());
            return List.of();
        }
    }
}
