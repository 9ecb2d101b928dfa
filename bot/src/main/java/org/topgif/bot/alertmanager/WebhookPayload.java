package org.topgif.bot.alertmanager;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import net.dv8tion.jda.api.exceptions.ParsingException;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

import org.topgif.config.ShortDigest;
import org.topgif.renderer.sample.PrintableText;

/**
 * Reads Alertmanager's webhook body (version 4), which Grafana's webhook contact point also sends, as untrusted
 * input: a wrong shape is one line saying what, never an exception from deep inside; every text is cut to a bound
 * and made printable; at most {@link #MAX_ALERTS} alerts are read, the rest counted as left out.
 *
 * @param alerts    the alerts read
 * @param leftOut   alerts the sender said it left out ({@code truncatedAlerts}), plus those over the bound here
 */
public record WebhookPayload(List<WebhookAlert> alerts, int leftOut) {

    /** The most alerts one request is read for. */
    public static final int MAX_ALERTS = 100;
    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 500;
    static final int URL_MAX = 500;

    public WebhookPayload {
        alerts = List.copyOf(alerts);
    }

    /** Thrown for a body that is not a webhook: its message is the one line the sender gets back. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The payload in {@code body}, which the caller has already bounded. */
    public static WebhookPayload parse(byte[] body, String hostLabel) throws Malformed {
        DataObject root;
        try {
            root = DataObject.fromJson(body);
        } catch (IllegalStateException | ClassCastException notAnObject) {
            throw new Malformed("the body is not a JSON object");
        }
        DataArray list;
        try {
            list = root.getArray("alerts");
        } catch (ParsingException | ClassCastException missing) {
            throw new Malformed("the body has no alerts array");
        }
        int leftOut = Math.max(0, root.getInt("truncatedAlerts", 0));
        List<WebhookAlert> alerts = new ArrayList<>();
        for (int i = 0; i < list.length(); i++) {
            if (alerts.size() == MAX_ALERTS) {
                leftOut += list.length() - i;
                break;
            }
            DataObject alert;
            try {
                alert = list.getObject(i);
            } catch (ParsingException | ClassCastException notAnObject) {
                throw new Malformed("alert " + i + " is not an object");
            }
            alerts.add(alert(alert, i, hostLabel));
        }
        return new WebhookPayload(alerts, leftOut);
    }

    private static WebhookAlert alert(DataObject alert, int index, String hostLabel) throws Malformed {
        String status = text(alert, "status", 20);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new Malformed("alert " + index + " has status neither firing nor resolved");
        }
        DataObject labels = object(alert, "labels", index);
        DataObject annotations = alert.hasKey("annotations") ? object(alert, "annotations", index)
                : DataObject.empty();
        String fingerprint = text(alert, "fingerprint", 64).toLowerCase(java.util.Locale.ROOT);
        if (fingerprint.isEmpty() || !fingerprint.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // Grafana and older senders may leave it out: the labels name the alert as well.
            TreeMap<String, String> sorted = new TreeMap<>();
            for (String key : labels.keys()) {
                sorted.put(key, text(labels, key, TEXT_MAX));
            }
            fingerprint = ShortDigest.of(sorted.toString(), 8);
        }
        String host = text(labels, hostLabel, NAME_MAX);
        return new WebhookAlert(fingerprint, status.equals("firing"), orDefault(text(labels, "alertname", NAME_MAX),
                "alert"), text(labels, "severity", NAME_MAX), text(annotations, "summary", TEXT_MAX),
                text(annotations, "description", TEXT_MAX), host.isEmpty() ? Optional.empty()
                : Optional.of(withoutPort(host)), link(text(alert, "generatorURL", URL_MAX * 2)));
    }

    private static DataObject object(DataObject alert, String key, int index) throws Malformed {
        try {
            return alert.getObject(key);
        } catch (ParsingException | ClassCastException missing) {
            throw new Malformed("alert " + index + " has no " + key + " object");
        }
    }

    /** A string field, printable, cut to {@code max}; "" when absent or not a string. */
    private static String text(DataObject object, String key, int max) {
        Object value = object.hasKey(key) ? object.get(key) : null;
        if (!(value instanceof String string)) {
            return "";
        }
        String cut = string.length() > max * 4 ? string.substring(0, max * 4) : string;
        String printable = PrintableText.of(cut).strip();
        return printable.length() > max ? printable.substring(0, max - 1) + "…" : printable;
    }

    private static String orDefault(String text, String fallback) {
        return text.isEmpty() ? fallback : text;
    }

    /** "db-1:9100" is db-1, "[::1]:9100" is ::1; a name without a port stays as it is. */
    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(1, close) : host;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon && colon < host.length() - 1
                && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return host.substring(0, colon);
        }
        return host;
    }

    /** An http or https URL with a host and no blanks, as chat can link it; anything else is left out. */
    private static Optional<String> link(String text) {
        if (text.isEmpty() || text.length() > URL_MAX || text.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null
                    && uri.getUserInfo() == null ? Optional.of(text) : Optional.empty();
        } catch (URISyntaxException notALink) {
            return Optional.empty();
        }
    }
}
