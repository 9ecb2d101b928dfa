package org.topgif.bot;

import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * JDA's session controller, but connecting to a configured gateway URL: JDABuilder takes the gateway from
 * its session controller and never asks REST for it, so this is how a proxy or a test double is reached.
 */
final class GatewaySessionController extends ConcurrentSessionController {

    private final String gatewayUrl;

    GatewaySessionController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }
}
