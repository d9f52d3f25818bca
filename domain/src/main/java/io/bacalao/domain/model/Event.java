package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Something that happened to a job or an execution. Timestamp is RFC 3339. */
public record Event(
        @JsonProperty("Message") String message,
        @JsonProperty("Topic") String topic,
        @JsonProperty("Timestamp") Instant timestamp,
        @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {

    public static final String DETAIL_IS_ERROR = "IsError";
    public static final String DETAIL_HINT = "Hint";
    public static final String DETAIL_NEW_STATE = "NewState";
    public static final String DETAIL_FAILS_EXECUTION = "FailsExecution";

    public Event {
        message = message == null ? "" : message;
        topic = topic == null ? "" : topic;
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    public static Event of(String topic, String message, Instant at) {
        return new Event(message, topic, at, null);
    }

    public static Event error(String topic, String message, Instant at) {
        return new Event(message, topic, at, Map.of(DETAIL_IS_ERROR, "true"));
    }

    public Event withDetail(String key, String value) {
        Map<String, String> d = new LinkedHashMap<>(details);
        d.put(key, value);
        return new Event(message, topic, timestamp, d);
    }

    public boolean isError() {
        return "true".equalsIgnoreCase(details.get(DETAIL_IS_ERROR));
    }
}
