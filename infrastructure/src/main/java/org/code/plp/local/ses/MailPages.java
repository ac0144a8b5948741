package org.code.plp.local.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.code.plp.http.Problem;
import org.code.plp.local.Exchanges;
import org.code.plp.platform.Json;

/**
 * The captured mail on the API's port: {@code GET /local/mail} (JSON, newest last),
 * {@code GET /local/mail.html} (a page, every value escaped, each HTML body in a sandboxed frame)
 * and {@code POST /local/mail/fault {"mode":"500"|"refuse"|"reject"|"off"}} for tests.
 */
final class MailPages implements HttpHandler {
    private final LocalSes ses;

    MailPages(LocalSes ses) {
        this.ses = ses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/local/mail") && method.equals("GET")) {
                Exchanges.send(exchange, 200, "application/json; charset=utf-8", list().toString());
            } else if (path.equals("/local/mail.html") && method.equals("GET")) {
                Exchanges.send(exchange, 200, "text/html; charset=utf-8", page(ses.mail()));
            } else if (path.equals("/local/mail/fault") && method.equals("POST")) {
                setFault(exchange);
            } else if (path.equals("/local/mail/fault") && method.equals("GET")) {
                Exchanges.send(exchange, 200, "application/json; charset=utf-8", faultJson());
            } else {
                problem(exchange, 404, "Not found", "Try GET /local/mail, GET /local/mail.html or POST /local/mail/fault.");
            }
        }
    }

    private ArrayNode list() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (CapturedMail mail : ses.mail()) {
            list.add(Json.MAPPER.valueToTree(mail));
        }
        return list;
    }

    private void setFault(HttpExchange exchange) throws IOException {
        String mode;
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = Json.MAPPER.readTree(in.readAllBytes());
            mode = body == null ? null : body.path("mode").asText(null);
            ses.fault(LocalSes.Fault.parse(mode));
        } catch (IllegalArgumentException | IOException e) {
            problem(exchange, 400, "Bad fault", "Send {\"mode\":\"500\"|\"refuse\"|\"reject\"|\"off\"}.");
            return;
        }
        Exchanges.send(exchange, 200, "application/json; charset=utf-8", faultJson());
    }

    private String faultJson() {
        return Json.write(java.util.Map.of("mode", ses.fault().mode(), "endpoint", ses.endpoint().toString()));
    }

    static String page(List<CapturedMail> mail) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Captured mail</title>
                <style>body{font-family:system-ui,sans-serif;margin:24px;color:#1d2b36}article{border:1px solid #ccd;border-radius:6px;
                padding:12px 16px;margin:0 0 16px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}
                dt{color:#5b6770}pre{white-space:pre-wrap;background:#f4f6f8;padding:8px}iframe{width:100%;height:420px;border:1px solid #ccd}</style>
                </head><body><h1>Captured mail</h1>
                """);
        html.append("<p>").append(mail.size()).append(" message(s), newest first. JSON: <a href=\"/local/mail\">/local/mail</a></p>\n");
        for (CapturedMail m : mail.reversed()) {
            html.append("<article><h2>").append(esc(m.subject())).append("</h2><dl>")
                    .append(row("To", m.to())).append(row("From", m.from())).append(row("Reply-To", m.replyTo()))
                    .append(row("Sent", m.sentAt())).append(row("Message id", m.messageId())).append("</dl>");
            if (m.text() != null) {
                html.append("<details open><summary>Text</summary><pre>").append(esc(m.text())).append("</pre></details>");
            }
            if (m.html() != null) {
                // The email's own HTML, shown inert: srcdoc is escaped and the sandbox allows no scripts.
                html.append("<details><summary>HTML</summary><iframe sandbox title=\"HTML part\" srcdoc=\"")
                        .append(esc(m.html())).append("\"></iframe></details>");
            }
            html.append("</article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String row(String label, String value) {
        return value == null || value.isEmpty() ? "" : "<dt>" + label + "</dt><dd>" + esc(value) + "</dd>";
    }

    private static String esc(String value) {
        return value == null ? "" : org.code.plp.notify.Html.escape(value);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Exchanges.problem(exchange, new Problem(status, null, title, detail, List.of()));
    }
}
