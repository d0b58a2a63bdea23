package org.attnlab.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.attnlab.models.runtime.RuntimeSettings;

/** What {@code environment.json} records: versions, backend, threads, git commit, seed. */
final class Environment {
    private Environment() {
    }

    static Map<String, Object> capture(long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("started", Instant.now().toString());
        String version = Environment.class.getPackage().getImplementationVersion();
        m.put("attnlab", version == null ? "unpackaged" : version);
        m.put("git_commit", git("rev-parse", "HEAD"));
        m.put("git_dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
        m.put("omp_num_threads_env", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("runtime", RuntimeSettings.current().asMap());
        return m;
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
