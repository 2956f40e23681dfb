package org.kleline.ledger.cli.ingest;

import java.util.Locale;

/**
 * The default {@code --instance-id} of {@code ledger ingest}: this machine's host name and the HTTP port,
 * {@code HOST-PORT}. A container's host name is its own (its id, or the {@code hostname:} a compose file gives
 * it) and stays the same when the container restarts; two ingests on one machine cannot share a port.
 */
final class InstanceIds {

    private static final int HOST_MAX = 80;

    private InstanceIds() {}

    /** {@code host-port}, the host name cut at its first dot, any character an id may not hold made '-'. */
    static String ofHost(String host, int port) {
        String name = host == null ? "" : host.strip();
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (name.isEmpty()) {
            name = "ingest";
        }
        if (name.length() > HOST_MAX) {
            name = name.substring(0, HOST_MAX);
        }
        return name + "-" + port;
    }
}
