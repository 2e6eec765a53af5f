import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * bench/serve-pauses.sh's client: 100 sessions of a running serve answer pings over HTTP (4 closed
 * loops, keep-alive); per attack, the pings' p50/p99 over a quiet phase, then while the attack's
 * calls run (n sessions at once), then quiet again. Usage: ServePauses PORT ROUNDS ATTACK:N...
 */
public class ServePauses {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static int port;
    static volatile boolean running = true;
    static long[] lat = new long[1 << 16];
    static int count;
    static volatile int failures;

    static HttpResponse<String> post(String path, String body, int timeoutS) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(timeoutS)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static synchronized void record(long ns) {
        if (count == lat.length) lat = Arrays.copyOf(lat, count * 2);
        lat[count++] = ns;
    }

    static synchronized void begin() { count = 0; }

    static synchronized String end() {
        long[] a = Arrays.copyOf(lat, count);
        Arrays.sort(a);
        if (a.length == 0) return "no pings";
        return String.format("p50 %6.1f p99 %6.1f max %6.1f ms (%d pings)", a[a.length / 2] / 1e6,
                a[Math.min(a.length - 1, (int) (a.length * 0.99))] / 1e6, a[a.length - 1] / 1e6, a.length);
    }

    /** The machine's load average over the last minute (the figures mean little without it). */
    static String load() {
        try { return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]; }
        catch (Exception x) { return "?"; }
    }

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int sessions = 100, drivers = 4;
        for (int i = 0; i < sessions; i++) post("/sessions/p" + i + "/call/ping", "[]", 30);
        List<Thread> ts = new ArrayList<>();
        for (int d = 0; d < drivers; d++) {
            int first = d;
            ts.add(Thread.ofPlatform().daemon().start(() -> {
                for (int i = first; running; i = (i + drivers) % sessions) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = post("/sessions/p" + i + "/call/ping", "[]", 30);
                        if (r.statusCode() != 200) failures++;
                        record(System.nanoTime() - t0);
                    } catch (Exception x) { failures++; }
                }
            }));
        }
        Thread.sleep(3000);   // warm-up
        for (int round = 1; round <= rounds; round++) {
            for (int a = 2; a < args.length; a++) {
                String[] an = args[a].split(":");
                String fn = an[0];
                int n = Integer.parseInt(an[1]);
                begin(); Thread.sleep(2000);
                String quiet = end();
                begin();
                long t0 = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    calls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sessions/" + fn + k + "/call/" + fn))
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                StringBuilder answers = new StringBuilder();
                for (CompletableFuture<HttpResponse<String>> c : calls) {
                    HttpResponse<String> r = c.get();
                    String b = r.body();
                    if (answers.indexOf(r.statusCode() + "") < 0) answers.append(r.statusCode()).append(' ').append(b.length() > 80 ? b.substring(0, 80) : b).append("; ");
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String during = end();
                System.out.printf("round %d %-12s x%-3d quiet  %s%n", round, fn, n, quiet);
                System.out.printf("round %d %-12s x%-3d attack %s (%d ms: %s) load %s%n", round, fn, n, during, ms, answers, load());
            }
        }
        running = false;
        System.out.println("failed pings: " + failures);
        System.exit(0);
    }
}
