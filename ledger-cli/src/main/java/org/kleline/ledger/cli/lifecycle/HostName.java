package org.kleline.ledger.cli.lifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name: the default of the options that name a process to the others. */
public final class HostName {

    private HostName() {}

    /** The host name; a {@link StartupFailure} asking for {@code option} when the platform cannot tell it. */
    public static String ofThisMachine(String option) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new StartupFailure("cannot find this machine's host name; give " + option, e);
        }
    }
}
