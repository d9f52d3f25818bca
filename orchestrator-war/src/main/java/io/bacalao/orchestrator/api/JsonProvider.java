package io.bacalao.orchestrator.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import io.bacalao.domain.spec.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** JSON with the domain's mapping (Bacalhau casing, case-insensitive keys) for every request and response. */
@Provider
@jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 100)
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    /** Deepest nesting of arrays/objects a request body may have: far beyond any job, far below a stack overflow. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest number literal, in characters (Jackson's default is 1000; nothing in a job needs more than 20). */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Parsers with tighter read limits for untrusted bodies, read by the domain's mapping; strings are bounded by the body limit. */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !String.class.equals(type) && !InputStream.class.isAssignableFrom(type) && !byte[].class.equals(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream in) throws IOException {
        try {
            byte[] body = in.readAllBytes();
            if (body.length == 0) return null;
            try (JsonParser parser = PARSERS.createParser(body)) {
                Object value = Json.mapper().readValue(parser, Json.mapper().constructType(genericType));
                if (parser.nextToken() != null) {
                    throw new MalformedBodyException("unexpected data after the JSON value at offset "
                            + parser.currentTokenLocation().getByteOffset(), null);
                }
                return value;
            }
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !String.class.equals(type) && !byte[].class.equals(type)
                && !jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Json.mapper().writeValue(out, value);
    }
}
