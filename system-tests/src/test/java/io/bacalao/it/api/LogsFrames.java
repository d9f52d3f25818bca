package io.bacalao.it.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Opens the logs websocket as the CLI does (no Origin) and returns its first text frame. */
final class LogsFrames {
    private LogsFrames() {
    }

    static String firstFrame(URI uri) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) first.complete(text.toString());
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                first.complete(text.toString());
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                first.completeExceptionally(error);
            }
        }).get(15, TimeUnit.SECONDS);
        try {
            return first.get(30, TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }
}
