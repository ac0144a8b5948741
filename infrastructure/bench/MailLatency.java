import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Time from POST /applications answering 201 to both of its emails (the applicant's confirmation
 * and the staff alert) being listed by GET /local/mail, on a running local cloud.
 * Needs only a JDK: {@code java infrastructure/bench/MailLatency.java [baseUrl] [submits]}
 * (defaults http://127.0.0.1:3000 and 20). Prints every sample and p50 / p90 / max in milliseconds.
 */
public class MailLatency {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        int submits = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        HttpClient http = HttpClient.newHttpClient();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < submits + 2; i++) {
            String email = "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
            BenchApplication.submit(http, base, "Latency Lab", email);
            long answered = System.nanoTime();
            long deadline = answered + 30_000_000_000L;
            while (true) {
                String mail = http.send(HttpRequest.newBuilder(URI.create(base + "/local/mail")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (mail.contains("\"to\":\"" + email + "\"") && mail.contains("Program manager: Ada Lovelace <" + email + ">")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No mail for " + email + " within 30 s");
                }
                Thread.sleep(5);
            }
            double millis = (System.nanoTime() - answered) / 1e6;
            if (i >= 2) { // the first two warm up the JIT and the Notify handler
                samples.add(millis);
                System.out.printf("submit %2d: %6.1f ms%n", i - 1, millis);
            }
        }
        Collections.sort(samples);
        System.out.printf("201 -> both emails in /local/mail over %d submits: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n",
                samples.size(), percentile(samples, 50), percentile(samples, 90), samples.getLast());
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
