#!/usr/bin/env bash
# Renders N synthetic Models (default 1000) with the kubeai CLI and prints wall time, models/s and memory,
# beside kubectl kustomize on the same tree. Usage: bench/render-benchmark.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# One reactor run: the generator's test classpath names its sibling modules (validator, test-support),
# which resolve only inside the reactor. Each module writes its own target/bench.classpath.
mvn -q -B -pl generator -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
jar="$(ls generator/target/kubeai-generator-*-cli.jar | head -n 1)"
cp="generator/target/test-classes:generator/target/classes:$(cat generator/target/bench.classpath)"
exec java -Xmx512m -cp "$cp" io.kubeai.gitops.bench.RenderBenchmark "${1:-1000}" "$jar"
