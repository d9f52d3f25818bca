package io.bacalao.domain.config;

import java.util.regex.Pattern;

/**
 * Hides passwords written inside configuration values before they are shown ({@code agent config}) or logged:
 * the password of a URL's user info ({@code jdbc:postgresql://user:pw@host/db}, {@code tcp://user:pw@broker:4222})
 * and the value of any parameter whose name ends in password, passwd, pwd, token or secret, after {@code ?},
 * {@code &} or {@code ;} ({@code ?password=…}, {@code ;PASSWORD=…} of H2, Netty's {@code trustStorePassword=…}).
 * Values of the keys marked secret in {@link ConfigKeys} are hidden whole, by {@link Config#asTree}.
 */
public final class Redaction {
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/?#@:,\\s]*:)[^/?#@,\\s]+@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;]\\s*[a-z0-9_.-]*(?:password|passwd|pwd|token|secret)\\s*=)[^&;,\\s]+");

    private Redaction() {
    }

    /** {@code text} with every password it carries in a URL replaced by {@link Config#REDACTED}; null stays null. */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = USER_INFO_PASSWORD.matcher(text).replaceAll("$1" + Config.REDACTED + "@");
        return SECRET_PARAMETER.matcher(s).replaceAll("$1" + Config.REDACTED);
    }
}
