package org.kleline.ledger.query.routing;

/** How one query node asks another for a read of the partitions it owns. */
public final class Forwarding {

    /** The one internal endpoint: POST a {@link ReadRequest}, get the read's answer as JSON. */
    public static final String PATH = "/internal/v1/reads";
    /**
     * Set on every forwarded read, naming the node that forwarded it. A node receiving it answers from
     * its own stores only and never forwards again: a second hop could only chase an assignment that
     * is moving, so the answer is a 503 and the client retries.
     */
    public static final String HEADER = "Ledger-Forwarded-By";

    private Forwarding() {}
}
