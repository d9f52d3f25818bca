package io.bacalao.it.support;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test classes that use the {@link SharedCluster} before all others, each group in the order it came in,
 * and tells the shared cluster which of its users runs last, so that it stops after that class instead of idling
 * (four nodes, ~8 % of a core) through every class that starts a cluster of its own. The default class order of
 * the system tests (src/test/resources/junit-platform.properties).
 */
public final class SharedClusterFirst implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        classes.sort(Comparator.comparing(c -> !usesSharedCluster(c)));
        classes.stream().filter(SharedClusterFirst::usesSharedCluster).reduce((a, b) -> b)
                .ifPresent(last -> SharedCluster.lastUserIs(last.getTestClass()));
    }

    private static boolean usesSharedCluster(ClassDescriptor c) {
        return c.findRepeatableAnnotations(ExtendWith.class).stream()
                .anyMatch(e -> List.of(e.value()).contains(SharedCluster.class));
    }
}
