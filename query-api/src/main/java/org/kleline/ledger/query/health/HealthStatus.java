package org.kleline.ledger.query.health;

/** What {@code GET /health} says; only {@link #UP} is a 200. */
public enum HealthStatus {
    /** Kafka Streams is RUNNING and every partition this node owns answers queries. */
    UP,
    /** Kafka Streams has not started yet. */
    STARTING,
    /** The group is rebalancing: owners are moving. */
    REBALANCING,
    /** RUNNING, but some partition this node owns is still being restored. */
    RESTORING,
    /**
     * RUNNING, but no instance of the group advertises this node's address: application.server differs
     * from the query config's self.
     */
    UNKNOWN_TO_GROUP,
    /** Stopping or stopped. */
    DOWN,
    /** Kafka Streams failed. */
    FAILED
}
