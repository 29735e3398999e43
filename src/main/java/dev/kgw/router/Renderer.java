package dev.kgw.router;

import dev.kgw.encoding.JsonCodec;
import dev.kgw.encoding.XmlRenderer;
import dev.kgw.encoding.YamlRenderer;
import dev.kgw.proxy.Response;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An endpoint's {@code output_encoding}: writes a response's data as the client gets it. */
interface Renderer {
    /** Content type and body for the data; {@code request} is only read by {@code negotiate}. */
    Rendered render(ServerRequest request, Response response);

    record Rendered(CharSequence contentType, Buffer body) {}

    CharSequence JSON_TYPE = io.vertx.core.http.HttpHeaders.createOptimized("application/json; charset=utf-8");

    static Renderer forName(String name, JsonCodec json) {
        XmlRenderer xml = new XmlRenderer();
        YamlRenderer yaml = new YamlRenderer();
        Renderer jsonR = (req, r) -> new Rendered(JSON_TYPE,
                Buffer.buffer(json.encode(r == null || r.data == null ? Map.of() : r.data)));
        Renderer xmlR = (req, r) -> new Rendered("application/xml",
                Buffer.buffer(xml.render(r == null || r.data == null ? Map.of() : r.data)));
        Renderer yamlR = (req, r) -> new Rendered("application/yaml; charset=utf-8",
                Buffer.buffer(yaml.render(r == null || r.data == null ? Map.of() : r.data)));
        return switch (name) {
            case "xml" -> xmlR;
            case "yaml" -> yamlR;
            case "string" -> (req, r) -> {
                Object c = r == null || r.data == null ? null : r.data.get("content");
                return new Rendered("text/plain; charset=utf-8",
                        Buffer.buffer(c instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : new byte[0]));
            };
            case "json-collection" -> (req, r) -> {
                Object c = r == null || r.data == null ? null : r.data.get("collection");
                return new Rendered("application/json; charset=utf-8",
                        Buffer.buffer(json.encode(c instanceof List<?> ? c : List.of())));
            };
            case "negotiate" -> (req, r) -> {
                String accept = req.getHeader("Accept");
                if (accept != null) {
                    if (accept.contains("application/xml") || accept.contains("text/xml")) return xmlR.render(req, r);
                    if (accept.contains("text/plain") || accept.contains("yaml")) return yamlR.render(req, r);
                }
                return jsonR.render(req, r);
            };
            default -> jsonR;
        };
    }
}
