#!/usr/bin/env bash
# Benchmarks the loader against curl, aria2c and rclone on 127.0.0.1 with a synthetic ~2 GiB model.
# Usage: runtime/loader/bench.sh [-Dbench.runs=N] [-Dbench.shardMiB=512] [-Dbench.loaderArgs=-c,4]
# Peers, each used when installed: apt-get install -y nginx-light aria2 rclone time (nginx serves
# hf://, without it the Java Hub test server does; /usr/bin/time gives CPU seconds). Data goes under
# /tmp and is deleted afterwards. Compiles test-support and the loader first (nothing is installed
# into ~/.m2). The loader runs as a child process on its runtime classpath only, as in the image.
set -euo pipefail
cd "$(dirname "$0")/../.."
rt_file=$(mktemp)
test_file=$(mktemp)
trap 'rm -f "$rt_file" "$test_file"' EXIT
# In a reactor run, test-support resolves to its target/classes; each module writes the file, the
# loader last. The runtime classpath needs the same reactor: resolution asks for test scope too.
for scope in test runtime; do
  out=$([ "$scope" = test ] && echo "$test_file" || echo "$rt_file")
  mvn -q -o -B -am -pl runtime/loader test-compile dependency:build-classpath \
    -DincludeScope="$scope" -Dmdep.outputFile="$out"
done
loader_cp="$PWD/runtime/loader/target/classes:$(cat "$rt_file")"
exec java -Xmx1g -Dbench.loaderClasspath="$loader_cp" "$@" \
  -cp "$PWD/runtime/loader/target/test-classes:$PWD/runtime/loader/target/classes:$(cat "$test_file")" \
  io.kubeai.gitops.loader.bench.Benchmark
