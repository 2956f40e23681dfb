package org.kleline.ledger.simulator.summary;

/**
 * Told of a run's progress every few thousand lines and once at the end (then with every
 * transaction done), on the thread that runs the simulation.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> {};

    void onProgress(Progress progress);
}
