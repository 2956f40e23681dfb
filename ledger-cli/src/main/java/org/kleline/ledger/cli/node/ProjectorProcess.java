package org.kleline.ledger.cli.node;

import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.ServingProcess;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** A serving process with a projector in it ({@code ledger run}, {@code ledger node}): it runs while the projector does. */
public abstract class ProjectorProcess extends ServingProcess {

    private final QueryNode node;

    protected ProjectorProcess(Services services, LedgerHttpServer http, QueryNode node) {
        super(services, http);
        this.node = node;
    }

    /** Blocks until the projector stops: after {@link #close()}, or when it failed. */
    public void awaitProjectorStopped() throws InterruptedException {
        node.awaitTermination();
    }

    public String projectorState() {
        return node.streams().state().toString();
    }

    /**
     * Blocks until the projector stops; 0 once {@code hook} has stopped everything, else (the projector failed) a
     * {@link StartupFailure} naming the state it stopped in.
     */
    public int untilStopped(ShutdownHook hook) throws InterruptedException {
        awaitProjectorStopped();
        if (hook.requested()) {
            hook.awaitStopped();
            return 0;
        }
        throw new StartupFailure("the projector stopped (state " + projectorState() + "); see the log above");
    }

    protected QueryNode node() {
        return node;
    }
}
