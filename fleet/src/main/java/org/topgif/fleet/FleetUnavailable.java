package org.topgif.fleet;

/** The fleet's broker cannot answer now; the message says so in one line without any credential. */
public final class FleetUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public FleetUnavailable(String why) {
        super(why, null, false, false);
    }
}
