package io.bacalao.it.docker;

import java.io.PrintWriter;
import java.io.Writer;

/** Collects written text and when the first and last characters arrived, to tell streamed output from a dump. */
final class TimedWriter {
    private final StringBuilder text = new StringBuilder();
    private long first;
    private long last;

    PrintWriter writer() {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                synchronized (text) {
                    long now = System.currentTimeMillis();
                    if (first == 0) first = now;
                    last = now;
                    text.append(cbuf, off, len);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    long spreadMillis() {
        synchronized (text) {
            return last - first;
        }
    }
}
