package io.bacalao.cli.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Time formats of Bacalhau's tables: 15:04:05.000, dates, and elapsed times such as "5m". */
public final class Times {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Times() {
    }

    public static Instant ofNanos(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    public static String clock(Instant t) {
        return t == null ? "" : CLOCK.format(t);
    }

    public static String time(Instant t) {
        return t == null ? "" : SHORT.format(t);
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** "3s", "5m", "2h", "4d" since {@code t}. */
    public static String elapsed(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        if (d.isNegative()) d = Duration.ZERO;
        if (d.toDays() > 0) return d.toDays() + "d";
        if (d.toHours() > 0) return d.toHours() + "h";
        if (d.toMinutes() > 0) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}
