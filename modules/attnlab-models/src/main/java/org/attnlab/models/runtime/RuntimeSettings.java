package org.attnlab.models.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backend, device, libnd4j build and thread settings a run uses, read from ND4J after it has loaded, for printing
 * and for recording next to results.
 */
public record RuntimeSettings(String backend, String device, String build, String blas, int ompThreads,
                              int javaCores, String javaVersion, String ndVersion, long maxHeapMb) {

    /** Reads the settings of this JVM's ND4J backend. */
    public static RuntimeSettings current() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = env.getProperty("backend", Nd4j.getBackend().getClass().getSimpleName());
        boolean cpu = Nd4j.getEnvironment().isCPU();
        String device = cpu ? "cpu (" + System.getProperty("os.arch") + ")" : env.getProperty("cuda.devicesInformation",
                "cuda device " + env.getProperty("cuda.device", "0"));
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        int omp = Nd4j.getEnvironment().maxMasterThreads();
        return new RuntimeSettings(backend, device, loadedBuild(), blas, omp,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Nd4j.class.getPackage().getImplementationVersion(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * The libnd4j build loaded: {@code generic}, or the JavaCPP platform extension the launcher passes for another
     * build ({@code onednn}, {@code avx2}, {@code avx512}).
     */
    private static String loadedBuild() {
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        return extension.isEmpty() ? "generic" : extension.replaceFirst("^-", "");
    }

    /** One line for the console. */
    public String summary() {
        return String.format("backend=%s device=%s build=%s blas=%s omp_threads=%d cores=%d java=%s heap=%dMB",
                backend, device, build, blas, ompThreads, javaCores, javaVersion, maxHeapMb);
    }

    /** Key/value form for result records. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("device", device);
        m.put("build", build);
        m.put("blas", blas);
        m.put("omp_threads", ompThreads);
        m.put("cores", javaCores);
        m.put("java", javaVersion);
        m.put("nd4j", ndVersion);
        m.put("max_heap_mb", maxHeapMb);
        return m;
    }
}
