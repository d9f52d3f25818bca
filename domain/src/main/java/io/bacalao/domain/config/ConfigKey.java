package io.bacalao.domain.config;

/**
 * One configuration key, its kind, default (as text) and description; secret values are redacted on display.
 * {@code acted} is false for a key Bacalao accepts (it is Bacalhau's) but does not act on: setting one is not an
 * error, it is named in one warning line when a node starts. {@code range} bounds the values of a whole-number key
 * wherever a value is given (a config file, the environment, a flag, {@code config set}); other kinds have
 * {@link IntRange#ANY}.
 */
public record ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret, boolean acted,
                        IntRange range) {

    /**
     * How a value is written: lists as comma-separated text, maps as {@code k=v,k2=v2}, structured values (a list
     * of objects such as {@code API.Auth.Users}) as JSON text.
     */
    public enum Kind { STRING, INT, BOOL, DURATION, LIST, MAP, JSON }

    /** The whole numbers from {@code min} to {@code max}, both included. */
    public record IntRange(int min, int max) {
        public static final IntRange ANY = new IntRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
        public static final IntRange PORT = new IntRange(1, 65535);

        public static IntRange atLeast(int min) {
            return new IntRange(min, Integer.MAX_VALUE);
        }

        public boolean contains(long value) {
            return value >= min && value <= max;
        }

        /** "at least 0", "from 1 to 65535", or "" for {@link #ANY}. */
        public String describe() {
            if (equals(ANY)) return "";
            return max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
        }
    }

    public ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret, boolean acted) {
        this(name, kind, defaultValue, description, secret, acted, IntRange.ANY);
    }

    public ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret) {
        this(name, kind, defaultValue, description, secret, true);
    }

    /** The same key marked as accepted but not acted on. */
    ConfigKey notActedOn() {
        return new ConfigKey(name, kind, defaultValue, description, secret, false, range);
    }

    public String envName(String prefix) {
        return prefix + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
