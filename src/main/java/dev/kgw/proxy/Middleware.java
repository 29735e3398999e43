package dev.kgw.proxy;

/** Wraps a proxy with one behaviour, like an OkHttp interceptor. */
@FunctionalInterface
public interface Middleware {
    Proxy wrap(Proxy next);
}
