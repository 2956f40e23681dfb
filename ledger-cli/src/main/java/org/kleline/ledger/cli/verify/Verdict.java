package org.kleline.ledger.cli.verify;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The end of {@code ledger verify}: its last lines and its exit code. A script acts on the code alone, so
 * 1 is kept for "the audit ran and found differences"; a run that gave no verdict (Kafka, the registry or
 * the API out of reach, a topic missing, figures the API could not give, a bad command line, any other
 * failure) is {@value #COULD_NOT_RUN}, picocli's own code for a bad command line.
 */
final class Verdict {

    static final int NO_DIFFERENCE = 0;
    static final int DIFFERENCES = 1;
    static final int COULD_NOT_RUN = 2;

    private Verdict() {}

    /**
     * Prints the verdict of a finished audit and returns its exit code; when nothing differs but some
     * figures went unanswered, there is no verdict: an {@link AuditFailure} (exit code {@value #COULD_NOT_RUN}).
     */
    static int report(Differences differences, PrintWriter out) {
        if (differences.count() > 0) {
            out.printf(
                    Locale.ROOT,
                    "%,d difference%s; the first %d:%n",
                    differences.count(),
                    differences.count() == 1 ? "" : "s",
                    differences.first().size());
            differences.first().forEach(d -> out.println("  " + d));
            if (differences.unanswered().count() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  and %s the query API could not give (503), not judged%n",
                        figures(differences.unanswered().count()));
            }
            out.flush();
            return DIFFERENCES;
        }
        if (differences.unanswered().count() > 0) {
            out.printf(
                    Locale.ROOT,
                    "%s the query API could not give (503, asked again for %d s); the first %d:%n",
                    figures(differences.unanswered().count()),
                    VerifyCommand.RECHECK_FOR.toSeconds(),
                    differences.unanswered().first().size());
            differences.unanswered().first().forEach(u -> out.println("  " + u));
            out.flush();
            throw new AuditFailure("no verdict: nothing differs, but the query API could not give "
                    + figures(differences.unanswered().count()) + " (503), e.g. "
                    + differences.unanswered().first().get(0));
        }
        out.println("No difference: every outcome, balance, settlement row and journal entry follows from the log.");
        out.flush();
        return NO_DIFFERENCE;
    }

    private static String figures(long n) {
        return String.format(Locale.ROOT, "%,d figure%s", n, n == 1 ? "" : "s");
    }
}
