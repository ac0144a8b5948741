import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long mail takes to recover after an SES outage, on a running local cloud (the sweeper at its
 * template rate, every minute). For each fault mode of {@code POST /local/mail/fault}: switch the fault on,
 * submit {@code submissions} applications evenly over {@code outageSeconds}, switch it off, then wait for
 * every one of their emails (the applicant's confirmation and the staff alert) in {@code GET /local/mail}
 * and print the time from recovery to the last one, how many arrived and whether any arrived twice.
 * Needs only a JDK:
 * {@code java infrastructure/bench/OutboxRecovery.java [baseUrl] [submissions] [outageSeconds] [modes] [waitSeconds]}
 * (defaults http://127.0.0.1:3000, 60, 30, 500,refuse,reject, 300).
 */
public class OutboxRecovery {
    /**
     * A JSON string's content, as an unrolled loop: an alternation under {@code *} recursed once per character
     * and overflowed the stack on long emails.
     */
    private static final String STRING_CONTENT = "[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+";
    private static final Pattern MAIL = Pattern.compile("\\{\"to\":\"(" + STRING_CONTENT + ")\".*?\"text\":(\"" + STRING_CONTENT
            + "\"|null).*?\"sentAt\":\"([^\"]*)\"", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    OutboxRecovery(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        int submissions = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int outageSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String[] modes = (args.length > 3 ? args[3] : "500,refuse,reject").split(",");
        int waitSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        OutboxRecovery bench = new OutboxRecovery(base);
        List<String> summary = new ArrayList<>();
        for (String mode : modes) {
            summary.add(bench.run(mode, submissions, outageSeconds, waitSeconds));
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    String run(String mode, int submissions, int outageSeconds, int waitSeconds) throws Exception {
        fault(mode);
        long start = System.nanoTime();
        List<String> managers = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            long at = start + (long) i * outageSeconds * 1_000_000_000L / submissions;
            Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
            String email = "recovery-" + mode + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            BenchApplication.submit(http, base, "Recovery Lab", email);
            managers.add(email);
        }
        Thread.sleep(Math.max(0, (start + outageSeconds * 1_000_000_000L - System.nanoTime()) / 1_000_000));
        fault("off");
        Instant recovered = Instant.now();
        System.out.printf("%s: %d submissions during a %d s outage, SES back at %s%n", mode, submissions, outageSeconds, recovered);

        int expected = 2 * submissions;
        Instant deadline = recovered.plusSeconds(waitSeconds);
        Counts counts = count(managers);
        int lastReported = -1;
        while (counts.delivered < expected && Instant.now().isBefore(deadline)) {
            if (counts.delivered != lastReported) {
                System.out.printf("  +%5.1f s: %d of %d emails%n", seconds(recovered, Instant.now()), counts.delivered, expected);
                lastReported = counts.delivered;
            }
            Thread.sleep(500);
            counts = count(managers);
        }
        String last = counts.last == null ? "none arrived"
                : String.format("last email %.1f s after recovery", seconds(recovered, counts.last));
        return String.format("%-7s %d/%d emails, %d duplicates, %s", mode, counts.delivered, expected, counts.duplicates, last);
    }

    private record Counts(int delivered, int duplicates, Instant last) {
    }

    private Counts count(List<String> managers) throws Exception {
        String mail = send(HttpRequest.newBuilder(URI.create(base + "/local/mail")).build()).body();
        Map<String, Integer> seen = new HashMap<>();
        Instant last = null;
        Matcher m = MAIL.matcher(mail);
        while (m.find()) {
            String to = m.group(1);
            String text = m.group(2);
            for (String manager : managers) {
                String key = to.equals(manager) ? "confirmation " + manager
                        : text.contains("<" + manager + ">") ? "staff " + manager : null;
                if (key != null) {
                    seen.merge(key, 1, Integer::sum);
                    Instant sentAt = Instant.parse(m.group(3));
                    last = last == null || sentAt.isAfter(last) ? sentAt : last;
                }
            }
        }
        int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        return new Counts(seen.size(), duplicates, last);
    }

    private void fault(String mode) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/local/mail/fault"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("fault " + mode + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
