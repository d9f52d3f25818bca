package io.bacalao.domain.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Bacalhau's {@code Logging.Level} (zerolog's level names, {@code pkg/config/types/logging.go}) as the
 * {@code java.util.logging} level of Bacalao's own loggers ({@code io.bacalao} and below). Payara's and the
 * libraries' loggers keep their own levels: the key says how much Bacalao itself tells, not how much the server does.
 */
public enum LogLevel {
    TRACE(Level.FINEST), DEBUG(Level.FINE), INFO(Level.INFO), WARN(Level.WARNING),
    ERROR(Level.SEVERE), FATAL(Level.SEVERE), PANIC(Level.SEVERE);

    /** Held here: a logger that nothing references may be collected and forget the level set on it. */
    private static final Logger BACALAO = Logger.getLogger("io.bacalao");

    private final Level level;

    LogLevel(Level level) {
        this.level = level;
    }

    public Level julLevel() {
        return level;
    }

    /** The level named {@code value} in any case, if it names one. */
    public static Optional<LogLevel> find(String value) {
        String name = value == null ? "" : value.trim();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The level named {@code value} in any case; anything else is a {@link ConfigException} naming the choices. */
    public static LogLevel parse(String value) {
        return find(value).orElseThrow(() -> new ConfigException("invalid " + ConfigKeys.LOGGING_LEVEL + " \""
                + (value == null ? "" : value.trim()) + "\": use one of " + names()));
    }

    /** The names a user may give, in order: {@code trace, debug, …, panic}. */
    public static String names() {
        return Arrays.stream(values()).map(LogLevel::toString).collect(Collectors.joining(", "));
    }

    /** Sets Bacalao's loggers to this level (idempotent; a hybrid node's two applications set the same). */
    public void applyToBacalao() {
        BACALAO.setLevel(level);
    }

    /**
     * Applies the configured level on a node, where the launcher has already refused a bad value: one that got
     * through anyway (a node started by other means) leaves the level as it was and says so.
     */
    public static void applyConfigured(String configured) {
        try {
            parse(configured).applyToBacalao();
        } catch (ConfigException e) {
            BACALAO.warning(e.getMessage() + "; Bacalao's log level is left unchanged");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
