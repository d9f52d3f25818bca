package io.bacalao.domain.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one JSON/YAML mapping of the model, shared by server, compute nodes and CLI: keys decode
 * case-insensitively (as Go's encoding/json does), unknown nested keys are ignored, {@link Instant}s are RFC 3339.
 */
public final class Json {
    /**
     * Bounds of every document read (job specs, requests, protocol messages): nesting at most 1000 levels (deeper
     * input would only exhaust the stack of the recursive binders) and numbers at most 1000 digits (Jackson's
     * defaults, fixed here so that a library update cannot loosen them). Strings are bounded by the callers
     * (HTTP body 10 MB, {@link SpecLimits}).
     */
    static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(1000).maxNumberLength(1000).build();
    private static final ObjectMapper JSON = configure(JsonMapper.builder(
            JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())).build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    public static ObjectMapper yamlMapper() {
        return Yaml.MAPPER;
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeYaml(Object value) {
        try {
            return Yaml.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
        SimpleModule time = new SimpleModule("rfc3339");
        time.addSerializer(Instant.class, new InstantSerializer());
        time.addDeserializer(Instant.class, new InstantDeserializer());
        return b.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Integer, cfg -> cfg
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(time);
    }

    /**
     * The YAML mapper, built on first use: its parser and generator (SnakeYAML) are a few hundred classes that a
     * JSON-only caller (every CLI command that only reads the API) never loads.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder(YAMLFactory.builder()
                .streamReadConstraints(READ_LIMITS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build())).build();
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) return Instant.ofEpochSecond(0, p.getLongValue());
            String s = p.getValueAsString();
            if (s == null || s.isBlank()) return null;
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "not an RFC 3339 time");
            }
        }
    }
}
