package org.topgif.bot.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    /** Alertmanager's webhook body as its documentation shows it (version 4). */
    static final String ALERTMANAGER = """
            {"version":"4","groupKey":"{}:{alertname=\\"HighCPU\\"}","truncatedAlerts":0,"status":"firing",
             "receiver":"topgif","groupLabels":{"alertname":"HighCPU"},
             "commonLabels":{"alertname":"HighCPU"},"commonAnnotations":{},"externalURL":"http://am:9093",
             "alerts":[{"status":"firing","labels":{"alertname":"HighCPU","instance":"db-1:9100","severity":"page"},
               "annotations":{"summary":"CPU above 90%","description":"db-1 has been busy for 5m"},
               "startsAt":"2026-12-07T14:00:00Z","endsAt":"0001-01-01T00:00:00Z",
               "generatorURL":"http://prometheus:9090/graph?g0.expr=cpu","fingerprint":"1a2b3c4d5e6f7a8b"}]}
            """;

    /** Grafana's webhook contact point's body as its documentation shows it: Alertmanager's, and more. */
    static final String GRAFANA = """
            {"receiver":"topgif","status":"firing","orgId":1,"groupKey":"{}:{alertname=\\"High memory\\"}",
             "truncatedAlerts":0,"title":"[FIRING:1] High memory","state":"alerting","message":"**Firing**",
             "externalURL":"https://grafana.example","version":"1","groupLabels":{},"commonLabels":{},
             "commonAnnotations":{},
             "alerts":[{"status":"firing","labels":{"alertname":"High memory","instance":"web-2","team":"ops"},
               "annotations":{"summary":"web-2 uses 95% of its memory"},"startsAt":"2026-12-07T14:00:00Z",
               "endsAt":"0001-01-01T00:00:00Z","generatorURL":"https://grafana.example/alerting/grafana/x/view",
               "fingerprint":"c6eadffa33fcdf37","silenceURL":"https://grafana.example/alerting/silence/new",
               "dashboardURL":"","panelURL":"","values":{"B":95.2}}]}
            """;

    private static WebhookPayload parse(String json) throws WebhookPayload.Malformed {
        return WebhookPayload.parse(json.getBytes(StandardCharsets.UTF_8), "instance");
    }

    @Test
    void alertmanagersBodyGivesItsAlertWithTheHostsNameWithoutItsPort() throws Exception {
        WebhookPayload payload = parse(ALERTMANAGER);
        assertEquals(0, payload.leftOut());
        assertEquals(new WebhookAlert("1a2b3c4d5e6f7a8b", true, "HighCPU", "page", "CPU above 90%",
                "db-1 has been busy for 5m", Optional.of("db-1"), Optional.of("http://prometheus:9090/graph?g0.expr=cpu")),
                payload.alerts().get(0));
    }

    @Test
    void grafanasBodyReadsTheSameWayAndItsExtraFieldsAreLeftAlone() throws Exception {
        WebhookAlert alert = parse(GRAFANA).alerts().get(0);
        assertEquals(new WebhookAlert("c6eadffa33fcdf37", true, "High memory", "", "web-2 uses 95% of its memory", "",
                Optional.of("web-2"), Optional.of("https://grafana.example/alerting/grafana/x/view")), alert);
    }

    @Test
    void aBodyOfAnotherShapeIsOneLineSayingWhat() {
        assertEquals("the body is not a JSON object", assertThrows(WebhookPayload.Malformed.class,
                () -> parse("[1,2]")).getMessage());
        assertEquals("the body is not a JSON object", assertThrows(WebhookPayload.Malformed.class,
                () -> parse("{\"alerts\": [")).getMessage());
        assertEquals("the body has no alerts array", assertThrows(WebhookPayload.Malformed.class,
                () -> parse("{\"alerts\": 3}")).getMessage());
        assertEquals("alert 0 has status neither firing nor resolved", assertThrows(WebhookPayload.Malformed.class,
                () -> parse("{\"alerts\": [{\"status\": \"pending\", \"labels\": {}}]}")).getMessage());
        assertEquals("alert 0 has no labels object", assertThrows(WebhookPayload.Malformed.class,
                () -> parse("{\"alerts\": [{\"status\": \"firing\", \"labels\": []}]}")).getMessage());
    }

    @Test
    void hostileTextIsBoundedPrintableAndALinkMustBeHttp() throws Exception {
        String huge = "x".repeat(100_000);
        WebhookPayload payload = parse("{\"truncatedAlerts\": 7, \"alerts\": [{\"status\": \"resolved\", "
                + "\"labels\": {\"alertname\": \"@everyone\\u001b[31m\\n**bold**\", \"instance\": \"[::1]:9100\"},"
                + " \"annotations\": {\"summary\": \"" + huge + "\"}, \"generatorURL\": \"javascript:alert(1)\"}]}");
        WebhookAlert alert = payload.alerts().get(0);
        assertEquals(7, payload.leftOut());
        assertTrue(!alert.firing());
        assertTrue(alert.name().chars().noneMatch(c -> c < ' '), alert.name());
        assertTrue(alert.summary().length() <= WebhookPayload.TEXT_MAX, "bounded");
        assertEquals(Optional.of("::1"), alert.host());
        assertEquals(Optional.empty(), alert.generatorUrl());
        assertTrue(alert.fingerprint().matches("[0-9a-z]+"), "made from the labels when absent");
        assertEquals(Optional.empty(), parse("{\"alerts\": [{\"status\": \"firing\", \"labels\": {}, "
                + "\"generatorURL\": \"http://user:pw@host/x\"}]}").alerts().get(0).generatorUrl(), "no credentials");
    }

    @Test
    void moreThanAHundredAlertsAreCountedNotRead() throws Exception {
        StringBuilder json = new StringBuilder("{\"alerts\": [");
        for (int i = 0; i < 150; i++) {
            json.append(i > 0 ? "," : "").append("{\"status\": \"firing\", \"labels\": {\"alertname\": \"a")
                    .append(i).append("\"}}");
        }
        WebhookPayload payload = parse(json.append("]}").toString());
        assertEquals(100, payload.alerts().size());
        assertEquals(50, payload.leftOut());
    }
}
