package dev.kgw.it;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An OpenTelemetry collector for the tests: takes OTLP exports over HTTP ({@code /v1/traces},
 * {@code /v1/metrics}, protobuf) and over gRPC (HTTP/2 without TLS, the services' Export methods) on one port, the
 * way a real collector does, and keeps what it received, decoded.
 */
final class OtlpCollector implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final List<ResourceSpans> spans = new CopyOnWriteArrayList<>();
    final List<ResourceMetrics> metrics = new CopyOnWriteArrayList<>();
    /** "grpc traces", "http metrics", ... for every export received: which protocol carried what. */
    final List<String> protocols = new CopyOnWriteArrayList<>();

    OtlpCollector() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(this::handle).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    int port() { return server.actualPort(); }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            try {
                boolean grpc = String.valueOf(req.getHeader("content-type")).startsWith("application/grpc");
                byte[] message = grpc ? unframe(body) : body.getBytes();
                byte[] answer;
                String kind = req.path().contains("race") ? "traces" : "metrics";
                switch (req.path()) {
                    case "/v1/traces", "/opentelemetry.proto.collector.trace.v1.TraceService/Export" -> {
                        spans.addAll(ExportTraceServiceRequest.parseFrom(message).getResourceSpansList());
                        answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    }
                    case "/v1/metrics", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export" -> {
                        metrics.addAll(ExportMetricsServiceRequest.parseFrom(message).getResourceMetricsList());
                        answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                    }
                    default -> {
                        req.response().setStatusCode(404).end();
                        return;
                    }
                }
                protocols.add((grpc ? "grpc " : "http ") + kind);
                if (grpc) {
                    req.response().putHeader("content-type", "application/grpc").putTrailer("grpc-status", "0")
                            .end(frame(answer));
                } else {
                    req.response().putHeader("content-type", "application/x-protobuf").end(Buffer.buffer(answer));
                }
            } catch (InvalidProtocolBufferException e) {
                req.response().setStatusCode(400).end(e.getMessage());
            }
        });
    }

    /** gRPC's length-prefixed message: a compression flag (always 0 here), 4 bytes of length, the message. */
    private static byte[] unframe(Buffer body) {
        if (body.length() < 5 || body.getByte(0) != 0) throw new IllegalArgumentException("unexpected gRPC frame");
        return body.getBytes(5, 5 + body.getInt(1));
    }

    private static Buffer frame(byte[] message) {
        return Buffer.buffer().appendByte((byte) 0).appendInt(message.length).appendBytes(message);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
