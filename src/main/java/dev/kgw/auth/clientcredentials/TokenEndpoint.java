package dev.kgw.auth.clientcredentials;

import dev.kgw.Build;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.encoding.JsonNumber;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * One client-credentials token request, as Go's x/oauth2 makes it: a form POST of {@code grant_type}, {@code scope}
 * and the endpoint params; the credentials first in HTTP Basic (URL-encoded), and when that fails, once more in the
 * form, remembering which style worked. The answer may be JSON or form-encoded. Bounded in size and time.
 */
final class TokenEndpoint {
    static final int MAX_BYTES = 64 * 1024;
    static final long TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final ClientCredentialsOptions o;
    /** null until a style worked: then true for Basic, false for the form. */
    private volatile Boolean basic;

    TokenEndpoint(Vertx vertx, HttpClient client, ClientCredentialsOptions o) {
        this.vertx = vertx;
        this.client = client;
        this.o = o;
    }

    Future<Token> fetch() {
        Boolean known = basic;
        if (known != null) return request(known);
        return request(true).transform(ar -> {
            if (ar.succeeded()) {
                basic = true;
                return Future.succeededFuture(ar.result());
            }
            return request(false).onSuccess(t -> basic = false);
        });
    }

    private Future<Token> request(boolean inHeader) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        add(form, "scope", String.join(" ", o.scopes()));
        o.endpointParams().forEach((k, vs) -> vs.forEach(v -> add(form, k, v)));
        if (!inHeader) {
            add(form, "client_id", o.clientId());
            if (!o.clientSecret().isEmpty()) add(form, "client_secret", o.clientSecret());
        }
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(o.tokenUrl())
                .setIdleTimeout(TIMEOUT_MS).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("User-Agent", Build.USER_AGENT);
        if (inHeader) {
            String pair = enc(o.clientId()) + ":" + enc(o.clientSecret());
            ro.putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        }
        Promise<Token> out = Promise.promise();
        long timer = vertx.setTimer(TIMEOUT_MS, id -> out.tryFail(new IOException("no token from " + o.tokenUrl()
                + " within " + TIMEOUT_MS + " ms")));
        client.request(ro).compose(req -> req.send(form.toString())).compose(this::read).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) out.tryComplete(ar.result());
            else out.tryFail(ar.cause());
        });
        return out.future();
    }

    private Future<Token> read(HttpClientResponse resp) {
        Promise<Buffer> body = Promise.promise();
        Buffer acc = Buffer.buffer();
        resp.handler(chunk -> {
            if (acc.length() + chunk.length() > MAX_BYTES) {
                resp.request().reset();
                body.tryFail(new IOException("token response larger than " + MAX_BYTES + " bytes"));
            } else {
                acc.appendBuffer(chunk);
            }
        });
        resp.exceptionHandler(body::tryFail);
        resp.endHandler(v -> body.tryComplete(acc));
        return body.future().compose(b -> {
            if (resp.statusCode() / 100 != 2) {
                return Future.failedFuture(new IOException("oauth2: cannot fetch token: " + resp.statusCode()));
            }
            return Future.succeededFuture(parse(resp.getHeader("Content-Type"), b));
        });
    }

    /** JSON, or (GitHub's old way) a form; an answer without an access token is an error. */
    static Token parse(String contentType, Buffer body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String token;
        String tokenType;
        long expires = -1;
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("text/plain")) {
            MultiMap m = MultiMap.caseInsensitiveMultiMap();
            for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) m.add(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
            }
            token = m.get("access_token");
            tokenType = m.get("token_type");
            String e = m.get("expires_in");
            if (e != null && e.matches("\\d{1,12}")) expires = Long.parseLong(e);
        } else {
            Map<String, Object> m = JsonCodec.instance().decodeObject(body.getBytes());
            token = m.get("access_token") instanceof String s ? s : null;
            tokenType = m.get("token_type") instanceof String s ? s : null;
            Object e = m.get("expires_in");
            if (e instanceof JsonNumber n) expires = (long) n.doubleValue();
            else if (e instanceof String s && s.matches("\\d{1,12}")) expires = Long.parseLong(s);
        }
        if (token == null || token.isEmpty()) throw new IllegalArgumentException("oauth2: server response missing access_token");
        return new Token(token, tokenType, expires == 0 ? -1 : expires);
    }

    private static void add(StringBuilder form, String k, String v) { form.append('&').append(enc(k)).append('=').append(enc(v)); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String dec(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

}
