package io.bacalao.compute.bidding.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code JobAdmissionControl.ProbeHTTP} ({@code pkg/bidstrategy/semantic/external_http.go}): {@code POST <url>} with
 * {@code Content-Type: application/json} and the {@link ProbeRequest}. A status of 400 or more refuses; a 2xx/3xx
 * answer that is not {@code application/json} accepts; a JSON answer must be {@code {"ShouldBid":bool,"Reason":"…"}}
 * and its Reason is used verbatim. Redirects are not followed. A probe that cannot be reached, answers after
 * {@code timeout}, or answers JSON that is invalid or over {@value #MAX_ANSWER} bytes refuses the job (Bacalhau
 * fails the bid) with the cause.
 */
public record HttpProbe(String url, Duration timeout, HttpClient client) implements BidStrategy {
    static final int MAX_ANSWER = 1024 * 1024;

    @Override
    public Optional<String> refusal(Job job) {
        if (url == null || url.isBlank()) return Optional.empty();
        String probe = ProbeRequest.quoted(url);
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ProbeRequest.json(job), StandardCharsets.UTF_8)).build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return Optional.of(NOT + "accept jobs while url " + probe + " does not answer within " + Durations.format(timeout));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(NOT + "accept jobs while url " + probe + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(NOT + "accept jobs while url " + probe + " is interrupted");
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 400) return Optional.of(NOT + "accept jobs where url " + probe + " returns HTTP status code " + status);
            if (!isJson(response.headers().firstValue("Content-Type").orElse(""))) return Optional.empty();
            byte[] answer = body.readNBytes(MAX_ANSWER + 1);
            if (answer.length > MAX_ANSWER) {
                return Optional.of(NOT + "accept jobs while url " + probe + " answers more than " + MAX_ANSWER + " bytes");
            }
            return verdict(Json.mapper().readTree(answer), probe);
        } catch (IOException e) {
            return Optional.of(NOT + "accept jobs while url " + probe + " answers invalid JSON: " + e.getMessage());
        }
    }

    private static Optional<String> verdict(JsonNode answer, String probe) {
        JsonNode shouldBid = field(answer, "ShouldBid");
        if (shouldBid == null || !shouldBid.isBoolean()) {
            return Optional.of(NOT + "accept jobs while url " + probe + " answers without a boolean ShouldBid");
        }
        if (shouldBid.booleanValue()) return Optional.empty();
        JsonNode reason = field(answer, "Reason");
        return Optional.of(reason == null || reason.isNull() ? "" : reason.asText());
    }

    /** Go decodes JSON keys case-insensitively; so do we. */
    private static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) return null;
        for (var it = object.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** The media type without parameters (Bacalhau compares the whole header; a charset parameter is allowed here). */
    private static boolean isJson(String contentType) {
        int semi = contentType.indexOf(';');
        String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }
}
