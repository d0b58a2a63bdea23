#!/usr/bin/env bash
# AttnLab's Java notebooks: execute them all headless, or open them in Jupyter.
#
#   notebooks-java/run.sh            check that no notebook carries outputs, then execute every notebook into
#                                    notebooks-java/out/executed/ (the committed notebooks are never rewritten);
#                                    a failing cell fails the script
#   notebooks-java/run.sh 03 05      execute only the notebooks whose names start with these prefixes
#   notebooks-java/run.sh --open     start Jupyter on 127.0.0.1 with a random token (the URL is printed)
#   notebooks-java/run.sh --check    only check that the committed notebooks carry no outputs
#   notebooks-java/run.sh --strip    remove outputs and execution counts from the notebooks (before a commit)
#
# Installs what is missing: Jupyter from Debian's packages (apt-get) and the rapaio Java kernel from Maven Central.
# Builds the project's jars through ./attnlab when needed and registers a kernel "attnlab-java" whose classpath is
# those jars, in notebooks-java/.kernel (the user's own Jupyter folders are left alone).
#   NOTEBOOK_JAVA_OPTS   JVM options of the kernel (default: the launcher's, with a 4 GB heap)
#   NOTEBOOK_TIMEOUT     seconds a single cell may take (default 600)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
KERNEL_ARTIFACT=io.github.padreati:rapaio-jupyter-kernel:3.0.1
KERNEL_JAR="$HERE/.kernel/rapaio-jupyter-kernel-3.0.1.jar"
KERNEL_NAME=attnlab-java
OUT="$HERE/out/executed"
CLI="$ROOT/modules/attnlab-cli/target"
DEBIAN_PACKAGES=(jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel jupyter-notebook)
# The kernel's channel threads (rapaio-jupyter-kernel 3.0.1-3.0.4, LoopThread.start) set their "running" flag only
# after Thread.start(), so a thread that looks first ends at once: with the shell's thread gone the kernel never
# answers (nbclient: "didn't respond"; 5 of 40 bare starts here, 3 of 10 with AttnLab's classpath), with all of them
# gone it exits ("died before replying"). No cell has run in either case, so the notebook is started again. A kernel
# that wins the race answers in about 3 s here, so a start that takes STARTUP_SECONDS has lost it.
STARTUP_RACE="Kernel didn't respond\|Kernel died before replying to kernel_info"
STARTUP_SECONDS=20
ATTEMPTS=8

say() { echo "notebooks: $*" >&2; }

check_stripped() {
  [ -x "$PY" ] || install_jupyter   # a bare machine may lack Python; Jupyter's packages bring it
  "$PY" "$HERE/strip.py" --check "$HERE"/*.ipynb
}

install_jupyter() {
  if "$PY" -c 'import nbformat, nbclient, nbconvert, jupyter_client, notebook' 2>/dev/null \
      && [ -x /usr/bin/jupyter-nbconvert ]; then
    return
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  say "installing Jupyter from Debian: ${DEBIAN_PACKAGES[*]}"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    # another apt-get or dpkg holding the lock is the only failure worth waiting for
    if log="$($sudo apt-get install -y -qq "${DEBIAN_PACKAGES[@]}" 2>&1)"; then
      return
    fi
    if ! grep -q 'Could not get lock\|dpkg was interrupted\|Unable to acquire the dpkg' <<<"$log"; then
      echo "$log" >&2
      say "apt-get install failed (run 'apt-get update' once on a fresh machine)"
      exit 1
    fi
    say "dpkg is locked by another process; waiting (attempt $attempt)"
    sleep 15
  done
  say "dpkg stayed locked; giving up"
  exit 1
}

install_kernel_jar() {
  if [ -f "$KERNEL_JAR" ]; then
    return
  fi
  say "fetching the Java kernel $KERNEL_ARTIFACT from Maven Central"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$KERNEL_ARTIFACT" \
      -DoutputDirectory="$HERE/.kernel" -f "$ROOT/pom.xml" -N
}

build_project() {
  # the launcher builds modules/attnlab-cli/target/attnlab-cli.jar and target/lib/* when sources changed
  "$ROOT/attnlab" --version >/dev/null
}

register_kernel() {
  local dir="$HERE/.kernel/kernels/$KERNEL_NAME"
  mkdir -p "$dir"
  KERNEL_JAR="$KERNEL_JAR" CLASSPATH_JARS="$CLI/attnlab-cli.jar;$CLI/lib/*" \
  JAVA_OPTS="${NOTEBOOK_JAVA_OPTS:--Xms512m -Xmx4g -Xmn16m -XX:+UseParallelGC}" \
  "$PY" - "$dir/kernel.json" <<'EOF'
import json, os, sys
argv = ["java", *os.environ["JAVA_OPTS"].split(), "-jar", os.environ["KERNEL_JAR"], "{connection_file}"]
spec = {
    "argv": argv,
    "display_name": "Java (AttnLab)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "RJK_CLASSPATH": os.environ["CLASSPATH_JARS"],
        "RJK_COMPILER_OPTIONS": "",
        "RJK_INIT_SCRIPT": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"),
    },
}
with open(sys.argv[1], "w") as f:
    json.dump(spec, f, indent=2)
EOF
  export JUPYTER_PATH="$HERE/.kernel${JUPYTER_PATH:+:$JUPYTER_PATH}"
}

prepare() {
  install_jupyter
  install_kernel_jar
  build_project
  register_kernel
}

# Executes one notebook into $OUT; retries only when the kernel lost its start-up race.
execute() {
  local nb="$1" log
  log="$(mktemp)"
  for attempt in $(seq 1 "$ATTEMPTS"); do
    local start=$SECONDS
    if (cd "$HERE" && /usr/bin/jupyter-nbconvert --to notebook --execute \
          --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
          --ExecutePreprocessor.timeout="${NOTEBOOK_TIMEOUT:-600}" \
          --ExecutePreprocessor.startup_timeout="$STARTUP_SECONDS" \
          --output-dir "$OUT" "$nb") >"$log" 2>&1; then
      say "$(basename "$nb"): ok in $((SECONDS - start)) s"
      rm -f "$log"
      return 0
    fi
    if grep -q "$STARTUP_RACE" "$log" && [ "$attempt" -lt "$ATTEMPTS" ]; then
      say "$(basename "$nb"): the kernel lost its start-up race ($(grep -o "$STARTUP_RACE" "$log" | head -1)); retrying"
      continue
    fi
    cat "$log" >&2
    rm -f "$log"
    say "$(basename "$nb"): FAILED (the cell and its error are in the log above)"
    return 1
  done
}

case "${1:-}" in
  --check)
    check_stripped
    exit ;;
  --strip)
    [ -x "$PY" ] || install_jupyter
    "$PY" "$HERE/strip.py" "$HERE"/*.ipynb
    exit ;;
  --open)
    prepare
    token="$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
    say "open http://127.0.0.1:8888/?token=$token (the port may differ: see Jupyter's own lines below)"
    root_flag=()
    if [ "$(id -u)" = 0 ]; then root_flag=(--allow-root); fi   # containers often run as root
    cd "$HERE"
    exec /usr/bin/jupyter notebook --no-browser --ip=127.0.0.1 --NotebookApp.token="$token" \
        --notebook-dir="$HERE" "${root_flag[@]}"
    ;;
  -h|--help)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit ;;
esac

check_stripped
prepare
mkdir -p "$OUT"
notebooks=()
for nb in "$HERE"/[0-9]*.ipynb; do
  if [ $# -eq 0 ]; then notebooks+=("$nb"); continue; fi
  for prefix in "$@"; do
    case "$(basename "$nb")" in "$prefix"*) notebooks+=("$nb") ;; esac
  done
done
[ ${#notebooks[@]} -gt 0 ] || { say "no notebook matches: $*"; exit 2; }
failed=0
total=$SECONDS
for nb in "${notebooks[@]}"; do
  execute "$nb" || failed=$((failed + 1))
done
say "${#notebooks[@]} notebooks, $failed failed, $((SECONDS - total)) s"
[ "$failed" -eq 0 ]
