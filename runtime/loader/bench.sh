#!/usr/bin/env bash
# Benchmarks the loader against curl and rclone on 127.0.0.1 with a synthetic ~2 GiB model.
# Usage: runtime/loader/bench.sh [-Dbench.runs=N] [-Dbench.shardMiB=512]
# Needs curl; rclone is used when installed (apt-get install -y rclone). Data goes under /tmp and
# is deleted afterwards. Builds test-support and the loader first. The loader runs as a child
# process on its runtime classpath only, as in the image.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o -B -pl test-support,runtime/loader install -DskipTests
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -o -B -pl runtime/loader dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$cp_file"
loader_cp="$PWD/runtime/loader/target/classes:$(cat "$cp_file")"
mvn -q -o -B -pl runtime/loader exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  -Dexec.args="-Xmx1g -Dbench.loaderClasspath=$loader_cp $* -classpath %classpath io.kubeai.gitops.loader.bench.Benchmark"
