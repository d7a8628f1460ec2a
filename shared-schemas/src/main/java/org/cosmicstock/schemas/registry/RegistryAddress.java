package org.cosmicstock.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the registry is and how to authenticate: the base URL of its Confluent-compatible API, without
 * credentials, and the Basic authorization header built from {@code user:password@} in the URL or from
 * separate settings (which win).
 */
record RegistryAddress(URI base, Optional<String> authorization) {

    static RegistryAddress parse(String url, String username, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The schema registry URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "expected http:// or https://");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "no query or fragment expected, only the API's base, e.g. .../apis/ccompat/v7");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        URI base;
        try {
            base = new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        return new RegistryAddress(base, authorization(url, uri.getRawUserInfo(), username, password));
    }

    /** The URL with any credentials masked, safe for logs and error messages. */
    static String masked(String url) {
        return url == null ? "null" : url.replaceAll("//[^/]*@", "//***@");
    }

    private static Optional<String> authorization(String url, String rawUserInfo, String username, String password) {
        String user = username;
        String secret = password;
        if (user == null || user.isBlank()) {
            if (secret != null && !secret.isEmpty()) {
                throw new IllegalArgumentException(
                        "A schema registry password is set without a username (URL " + masked(url) + ")");
            }
            if (rawUserInfo == null || rawUserInfo.isEmpty()) {
                return Optional.empty();
            }
            int colon = rawUserInfo.indexOf(':');
            user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
            secret = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        }
        String pair = user + ":" + (secret == null ? "" : secret);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    // Percent-decoding only: a '+' in a password is a plus, not a space.
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("Invalid schema registry URL '" + masked(url) + "': " + why
                + " (expected the base of the Confluent-compatible API, e.g."
                + " http://127.0.0.1:8085/apis/ccompat/v7)");
    }
}
