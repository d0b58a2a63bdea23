package org.attnlab.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.models.runtime.RuntimeSettings;

/**
 * What {@code environment.json} records: versions, backend, threads, git commit, seed, processor, and the load average
 * ({@code /proc/loadavg}: 1, 5 and 15 minutes) when the run started and ended, so throughput can be read against the
 * machine's load.
 */
final class Environment {
    static final String FILE = "environment.json";

    private Environment() {
    }

    /** Adds the end time and the load average at the end to the run's {@value #FILE}. */
    static void recordEnd(RunDirectory dir) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = dir.readJson(FILE, Map.class);
        Map<String, Object> out = m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
        out.put("ended", Instant.now().toString());
        out.put("loadavg_end", loadAverage());
        dir.writeJson(FILE, out);
    }

    /** The first three fields of {@code /proc/loadavg}, or "" where there is none. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length < 3 ? "" : f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Map<String, Object> capture(long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("started", Instant.now().toString());
        m.put("loadavg_start", loadAverage());
        m.put("cpu", cpuModel());
        String version = Environment.class.getPackage().getImplementationVersion();
        m.put("attnlab", version == null ? "unpackaged" : version);
        m.put("git_commit", git("rev-parse", "HEAD"));
        m.put("git_dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
        m.put("omp_num_threads_env", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("runtime", RuntimeSettings.current().asMap());
        return m;
    }

    /** The processor's model name from {@code /proc/cpuinfo}, or "" where there is none. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String git(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
