package io.livemod.gateway.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where a webhook may go: outside dev mode never to this machine, the internal network or cloud
 * metadata (loopback, private, link-local, unique-local, carrier-grade NAT, unspecified, multicast).
 * The decision is on the resolved addresses, not the name (a public name can resolve to 127.0.0.1),
 * and the delivery then connects to the address that was checked, so a second lookup cannot change it.
 *
 * @param address the address to connect to; null when refused
 * @param refusal why the target is refused; null when allowed
 */
record WebhookTarget(URI uri, String host, int port, boolean https, InetAddress address, String refusal) {

    /** Blocks (DNS): call on a worker. */
    static WebhookTarget resolve(String url, boolean devMode) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return refused(null, "the webhook URL is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        if (uri.getHost() == null || !(https || (devMode && "http".equals(uri.getScheme()))))
            return refused(uri, "the webhook URL must be https");
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        List<InetAddress> all;
        try {
            all = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return refused(uri, "the webhook host does not resolve: " + host);
        }
        if (!devMode) {
            for (InetAddress a : all) {
                if (internal(a))
                    return refused(
                            uri, "the webhook host resolves to an internal address (" + a.getHostAddress() + ")");
            }
        }
        return new WebhookTarget(uri, host, port, https, all.get(0), null);
    }

    private static WebhookTarget refused(URI uri, String why) {
        return new WebhookTarget(uri, null, 0, false, null, why);
    }

    /** Loopback, private (RFC 1918, fc00::/7), link-local, CGNAT (100.64/10), unspecified, multicast, IPv4-mapped thereof. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || first >= 240;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request target: path and query, "/" when the URL has none. */
    String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
