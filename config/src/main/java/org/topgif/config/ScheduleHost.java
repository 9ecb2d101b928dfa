package org.topgif.config;

import java.util.Optional;

/**
 * Which host a schedule shows: the bot's default host (no name), one host of the fleet, or the whole fleet
 * ({@link HostName#FLEET}). Immutable; the constructor rejects any other text.
 *
 * @param value "" for the default host, "*" for the fleet, else a {@link HostName}
 */
public record ScheduleHost(String value) {

    /** The bot's default host. */
    public static final ScheduleHost DEFAULT = new ScheduleHost("");
    /** What the {@code host} key must be, for a setting's message. */
    public static final String RULE = "a host's name (" + HostName.RULE + "), \"" + HostName.FLEET
            + "\" for the whole fleet, or \"\" for the bot's default host";
    /** Characters of a host's name kept in a file name as they are; any other becomes '-'. */
    private static final int FILE_NAME_CHARACTERS = 40;

    public ScheduleHost {
        problem(value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why {@code value} names no host a schedule can show, or empty when it names one. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("the host is missing");
        }
        if (value.isEmpty() || value.equals(HostName.FLEET) || HostName.problem(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the host must be " + RULE);
    }

    public boolean isDefault() {
        return value.isEmpty();
    }

    public boolean isFleet() {
        return value.equals(HostName.FLEET);
    }

    /** What a /top's host option would be for it: null for the default host. */
    public String asked() {
        return isDefault() ? null : value;
    }

    /**
     * A part of a file name that tells this host's posts from another's: "" for the default host, "fleet" for
     * the fleet, else the name with every character but letters, digits, '.' and '-' as '-', cut to 40, and a
     * digest of the whole name, so that two names that read the same there ("db 1", "db-1") differ.
     */
    public String fileNamePart() {
        if (isDefault()) {
            return "";
        }
        if (isFleet()) {
            return "fleet";
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < value.length() && kept.length() < FILE_NAME_CHARACTERS; i++) {
            char c = value.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
            kept.append(plain ? c : '-');
        }
        String digest = ShortDigest.of(value, Long.BYTES);
        return kept + "-" + digest.substring(0, Math.min(5, digest.length()));
    }

    /** "db-1", "the fleet" or "the default host", for log lines and reports. */
    public String describe() {
        return isDefault() ? "the default host" : isFleet() ? "the fleet" : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
