package dev.kgw.cli;

import dev.kgw.Build;
import dev.kgw.Gateway;
import dev.kgw.config.ServiceConfig;
import dev.kgw.router.RouteConflictException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Run the gateway.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());

    @Mixin
    ConfigOptions options;

    @Option(names = {"-d", "--debug"}, description = "Enable the /__debug/ endpoint")
    boolean[] debug = new boolean[0];

    @Option(names = {"-p", "--port"}, description = "Listen port (overrides the config)")
    Integer port;

    @Option(names = "--metrics-port", description = "Port of the Prometheus exporter (overrides the config; for "
            + "several nodes of one file on one host)")
    Integer metricsPort;

    @Override
    public Integer call() throws Exception {
        ConfigLoading.Loaded r = ConfigLoading.load(options, false, System.err);
        if (r == null) return 1;
        ServiceConfig cfg = r.config();
        if (port != null) cfg = cfg.withPort(port);
        if (debug.length > 0) cfg = cfg.withDebug(true);
        Gateway gateway;
        try {
            gateway = new Gateway(cfg, r.namespaces(), metricsPort);
        } catch (RouteConflictException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("ERROR " + options.config + ": " + e.getMessage());
            return 1;
        }
        try {
            gateway.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("ERROR starting the listener: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            gateway.stop();
            return 1;
        }
        LOG.info(Build.PRODUCT + " " + Build.VERSION + " listening on port " + gateway.port() + " with "
                + cfg.endpoints().size() + " endpoints, config fingerprint " + cfg.fingerprint()
                + (gateway.nativeTransport() ? " (native transport)" : ""));
        CountDownLatch signalled = new CountDownLatch(1);
        Signals.onTermOrInt(() -> {
            if (signalled.getCount() == 0) {
                LOG.warning("second signal: exiting without waiting for in-flight requests");
                Runtime.getRuntime().halt(1);
            }
            signalled.countDown();
        });
        signalled.await();
        // stop() starts draining before it returns: once this line is out, every response says Connection: close
        var stopping = gateway.stop();
        LOG.info("shutting down: draining (health answers 503), then finishing in-flight requests");
        try {
            stopping.toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            LOG.warning("shutdown: " + e.getMessage());
            return 1;
        }
        LOG.info("stopped");
        return 0;
    }
}
