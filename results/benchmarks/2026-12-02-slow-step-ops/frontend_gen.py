"""Writes frontend.c: plain C that is heavy on the processor's front end (about 1000 distinct small functions, called
through a table in a pseudo-random order, with data-dependent branches), as a JNI library for FrontEnd.java.

Usage: python3 frontend_gen.py > frontend.c
       gcc -O2 -shared -fPIC -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" -o libfrontend.so frontend.c
"""
import random

N = 1024
rnd = random.Random(7)
print("#include <jni.h>\n#include <stdint.h>\n")
ops = ["x = x * 6364136223846793005ULL + 1442695040888963407ULL;", "x ^= x >> 29;", "x += 0x9E3779B97F4A7C15ULL;",
       "x = (x << 7) | (x >> 57);", "x ^= x << 17;", "x -= x >> 11;"]
for i in range(N):
    body = []
    for _ in range(rnd.randint(3, 7)):
        bit = rnd.randint(0, 63)
        a, b = rnd.choice(ops), rnd.choice(ops)
        body.append(f"    if ((x >> {bit}) & 1) {{ {a} }} else {{ {b} }}")
    print(f"static uint64_t f{i}(uint64_t x) {{\n" + "\n".join(body) + f"\n    return x + {i};\n}}")
print("typedef uint64_t (*fn)(uint64_t);")
print("static fn table[] = {" + ", ".join(f"f{i}" for i in range(N)) + "};")
print(f"""
/* reps calls, each to the function picked by the running value: about 10 ns a call */
JNIEXPORT jlong JNICALL Java_org_attnlab_bench_measure_FrontEnd_run(JNIEnv *env, jclass cls, jint reps) {{
    uint64_t x = 88172645463325252ULL;
    for (jint i = 0; i < reps; i++) {{
        x = table[(x >> 20) % {N}](x);
    }}
    return (jlong) x;
}}""")
