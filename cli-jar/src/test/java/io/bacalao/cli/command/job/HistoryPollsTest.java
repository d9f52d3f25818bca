package io.bacalao.cli.command.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HistoryPollsTest {
    private static List<Long> pauses(HistoryPolls polls, Boolean... moved) {
        return Stream.of(moved).map(polls::after).map(Duration::toMillis).toList();
    }

    @Test
    void pausesDoubleWhileNothingHappensUpToTheMaximum() {
        assertEquals(List.of(25L, 50L, 100L, 200L, 250L, 250L),
                pauses(new HistoryPolls(), true, false, false, false, false, false));
    }

    @Test
    void eventsBringTheShortPauseBack() {
        HistoryPolls polls = new HistoryPolls();
        pauses(polls, true, false, false, false, false);
        assertEquals(List.of(25L, 50L), pauses(polls, true, false));
    }

    @Test
    void theFirstReadWithoutEventsStartsShortToo() {
        assertEquals(List.of(25L, 50L), pauses(new HistoryPolls(), false, false));
    }
}
