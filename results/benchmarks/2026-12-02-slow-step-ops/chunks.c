/*
 * Control for the quickstart's slow steps: plain C code timed in chunks as long as a training step, alternating in
 * one thread (A) arithmetic on a few registers and (B) passes over three float arrays of KB kB in all.
 * Prints per pair: A ns, B ns.  Usage: chunks PAIRS KB TARGET_US > out.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static volatile double sink;
static float *x, *y, *z;
static long n;

static void arithmetic(long reps) {
    double v = 1;
    for (long k = 0; k < reps; k++) v = v * 1.0000001 + 1e-9;
    sink = v;
}

static void streaming(long passes) {
    for (long p = 0; p < passes; p++)
        for (long i = 0; i < n; i++) z[i] = z[i] * 0.5f + x[i] * y[i];
    sink = z[n / 2];
}

/* Repeats of f that last about target ns (from the median of 201 timings of f(unit)). */
static long calibrate(void (*f)(long), long unit, long target) {
    long best = 0;
    long t[201];
    for (int i = 0; i < 201; i++) { long t0 = now(); f(unit); t[i] = now() - t0; }
    for (int i = 0; i < 201; i++) for (int j = i + 1; j < 201; j++) if (t[j] < t[i]) { long s = t[i]; t[i] = t[j]; t[j] = s; }
    best = t[100];
    long reps = unit * target / best;
    return reps < 1 ? 1 : reps;
}

int main(int argc, char **argv) {
    long pairs = atol(argv[1]), kb = atol(argv[2]), target = atol(argv[3]) * 1000;
    n = kb * 1024 / 12;
    x = malloc(n * 4); y = malloc(n * 4); z = calloc(n, 4);
    for (long i = 0; i < n; i++) { x[i] = (i % 7) * 0.25f; y[i] = (i % 5) * 0.5f; }
    for (int w = 0; w < 2000; w++) { arithmetic(10000); streaming(1); }
    long ra = calibrate(arithmetic, 10000, target), rb = calibrate(streaming, 1, target);
    long *a = malloc(pairs * 8), *b = malloc(pairs * 8);
    for (long i = 0; i < pairs; i++) {
        long t0 = now(); arithmetic(ra);
        long t1 = now(); streaming(rb);
        long t2 = now();
        a[i] = t1 - t0; b[i] = t2 - t1;
    }
    printf("# arithmetic reps %ld, streaming passes %ld over %ld kB\n", ra, rb, kb);
    for (long i = 0; i < pairs; i++) printf("%ld %ld\n", a[i], b[i]);
    return 0;
}
