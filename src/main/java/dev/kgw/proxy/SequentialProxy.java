package dev.kgw.proxy;

import dev.kgw.backend.DeadlineExceededException;
import dev.kgw.proxy.transform.DotPaths;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code proxy.sequential}: backends run one after another so a later {@code url_pattern} can use an earlier
 * answer ({@code {resp0_user.id}}). The first backend failing fails the request; a later one failing stops the
 * chain and returns what was merged so far as a partial response. The whole chain has 85% of the timeout.
 */
public final class SequentialProxy implements Proxy {
    private static final Pattern RESP = Pattern.compile("^resp(\\d+)(?:_(.+))?$");

    private final Scheduler scheduler;
    private final List<Proxy> backends;
    /** For each backend, the {@code respN_x} names its url_pattern reads. */
    private final List<List<String>> needs;
    private final List<String> propagated;
    private final long mergeTimeoutNanos;

    public SequentialProxy(Scheduler scheduler, List<Proxy> backends, List<List<String>> needs, List<String> propagated,
                           Duration endpointTimeout) {
        this.scheduler = scheduler;
        this.backends = List.copyOf(backends);
        this.needs = List.copyOf(needs);
        this.propagated = List.copyOf(propagated);
        this.mergeTimeoutNanos = endpointTimeout.toNanos() * 85 / 100;
    }

    @Override
    public Future<Response> handle(Request request) {
        State state = new State(request.copy());
        Promise<Response> out = Promise.promise();
        state.deadline = Deadline.start(scheduler, request.deadlineNanos, mergeTimeoutNanos,
                () -> state.finish(out, new DeadlineExceededException()));
        state.base.deadlineNanos = state.deadline.nanos();
        step(state, 0, out);
        return out.future();
    }

    private void step(State s, int i, Promise<Response> out) {
        if (s.done) return;
        if (i == backends.size()) {
            s.deadline.cancel();
            s.finish(out, null);
            return;
        }
        Request r = s.base.copy();
        if (i > 0 && (!needs.get(i).isEmpty() || !propagated.isEmpty())) {
            Map<String, String> params = new LinkedHashMap<>(r.params);
            for (String name : needs.get(i)) put(params, name, s.responses);
            for (String name : propagated) put(params, name, s.responses);
            r.params = params;
        }
        Calls.guarded(backends.get(i), r).onComplete(ar -> {
            if (s.done) return;
            if (ar.failed()) {
                s.deadline.cancel();
                s.finish(out, ar.cause());
                return;
            }
            Response part = ar.result();
            s.responses.add(part);
            if (part.data != null) s.data.putAll(part.data);
            s.complete &= part.complete;
            if (part.error != null) {
                s.deadline.cancel();
                s.finish(out, part.error);
                return;
            }
            step(s, i + 1, out);
        });
    }

    /** Resolves {@code respN_a.b} (or {@code respN}, the raw no-op body) into lura's capitalised param key. */
    private static void put(Map<String, String> params, String name, List<Response> responses) {
        Matcher m = RESP.matcher(name);
        if (!m.matches()) return;
        int n = Integer.parseInt(m.group(1));
        if (n >= responses.size()) return;
        Response resp = responses.get(n);
        String key = "R" + name.substring(1);
        if (m.group(2) == null) {
            if (resp.raw != null) params.put(key, resp.raw.toString(StandardCharsets.UTF_8));
            return;
        }
        Object v = resp.data;
        for (String part : DotPaths.split(m.group(2))) {
            if (!(v instanceof Map<?, ?> map) || !map.containsKey(part)) return;
            v = map.get(part);
        }
        params.put(key, ParamValues.toText(v));
    }

    private static final class State {
        final Request base;
        final List<Response> responses = new ArrayList<>();
        final Map<String, Object> data = new LinkedHashMap<>();
        boolean complete = true;
        boolean done;
        Deadline deadline;

        State(Request base) { this.base = base; }

        void finish(Promise<Response> out, Throwable error) {
            if (done) return;
            done = true;
            if (responses.isEmpty()) {
                out.fail(error == null ? new DeadlineExceededException() : error);
                return;
            }
            Response r = new Response(data, complete && error == null);
            r.error = error;
            out.complete(r);
        }
    }
}
