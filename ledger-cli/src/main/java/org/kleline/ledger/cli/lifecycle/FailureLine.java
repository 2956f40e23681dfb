package org.kleline.ledger.cli.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one line a failed command prints: the user's message for a {@link StartupFailure}, otherwise
 * the messages of the exception and its causes, outermost first, without repeats. The stack trace
 * goes to the log at DEBUG.
 */
public final class FailureLine {

    private static final int CAUSES_MAX = 5;

    private FailureLine() {}

    public static String of(Throwable failure) {
        if (failure instanceof StartupFailure) {
            return failure.getMessage();
        }
        Set<String> messages = new LinkedHashSet<>();
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = failure; t != null && !seen.contains(t) && seen.size() < CAUSES_MAX; t = t.getCause()) {
            seen.add(t);
            String message = t.getMessage();
            if (t instanceof StartupFailure) {
                return message;
            }
            if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message.strip().replace('\n', ' '));
            }
        }
        if (messages.isEmpty()) {
            return failure.getClass().getName();
        }
        return String.join(": ", messages);
    }
}
