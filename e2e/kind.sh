#!/usr/bin/env bash
# The kind walkthrough in one script: from a clone to a served model and adapter on a local cluster.
#
#   1. create a kind cluster (Kubernetes 1.29 or later: the adapter sidecar is a native sidecar)
#   2. build the runtime images with Jib (no Dockerfile, no registry) and load them into the node
#   3. make a GitOps repo from e2e/kind-repo: a bare "remote" and a clone, rendered with `kubeai generate`
#   4. kubectl apply -k rendered/, and wait for the model server
#   5. send an OpenAI chat completion to the model (tinyllama-chat) and to its LoRA adapter
#      (tinyllama-chat_colorist)
#   6. commit a new adapter with the commit hook (run from its image), pull, apply
#   7. see the new adapter served by the same pod: no restart, no new pod
#
# Needs docker, kind, kubectl, git, curl, Java 17 and Maven. Downloads ~3 GB of images and 2.2 GB of model
# weights; on a laptop the model server starts in 5 to 15 minutes. An x86-64 machine with AVX2 or AVX-512
# (vLLM's CPU image).
#
# Usage: e2e/kind.sh [--keep]      --keep leaves the cluster and the work directory for a look around
# Environment: KIND_CLUSTER (kubeai-e2e), KIND_NODE_IMAGE (kindest/node:v1.31.4), HF_TOKEN (optional),
#              E2E_WORK (a fresh temporary directory), E2E_PORT (18000, the local end of the port-forward)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cluster="${KIND_CLUSTER:-kubeai-e2e}"
node_image="${KIND_NODE_IMAGE:-kindest/node:v1.31.4}"
work="${E2E_WORK:-$(mktemp -d)}"
port="${E2E_PORT:-18000}"
namespace=kubeai
model=tinyllama-chat
tag=kind
hook_image="ghcr.io/kubeai-gitops/kubeai-commit-hook:${tag}"
keep=false
if [ "${1:-}" = "--keep" ]; then
  keep=true
fi
forward_pid=""

log() { printf '\n==> %s\n' "$*" >&2; }
die() {
  printf 'e2e/kind.sh: %s\n' "$*" >&2
  exit 1
}
need() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is not installed (needs: docker kind kubectl git curl java mvn)"
  done
}

cleanup() {
  local status=$?
  if [ -n "$forward_pid" ]; then
    kill "$forward_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    printf '\ne2e/kind.sh: FAILED; the pods and their recent events:\n' >&2
    kubectl -n "$namespace" get pods -o wide >&2 || true
    kubectl -n "$namespace" get events --sort-by=.lastTimestamp 2>/dev/null | tail -n 30 >&2 || true
  fi
  if [ "$keep" = true ]; then
    printf '\nkept: kind cluster %s, work directory %s\n' "$cluster" "$work" >&2
  else
    kind delete cluster --name "$cluster" >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT

# Polls until "$@" succeeds, at most $1 seconds.
retry() {
  local seconds=$1
  shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 3
  done
}

models() { curl -fsS "http://127.0.0.1:${port}/v1/models"; }
served() { models | grep -q "\"id\":\"$1\""; }

# An OpenAI chat completion; prints the reply and fails on anything but a completion.
chat() {
  local name=$1 question=$2 reply
  reply="$(curl -fsS "http://127.0.0.1:${port}/v1/chat/completions" \
    -H 'Content-Type: application/json' \
    -d "{\"model\":\"${name}\",\"max_tokens\":40,\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"${question}\"}]}")" \
    || die "chat completion for ${name} failed"
  printf '%s\n' "$reply" | grep -q '"choices"' || die "no completion for ${name}: ${reply}"
  printf '%s: %s\n' "$name" "$reply"
}

pod_of_model() {
  kubectl -n "$namespace" get pods -l "kubeai.org/model=${model},app.kubernetes.io/component=server" \
    -o jsonpath='{range .items[*]}{.metadata.uid}{" "}{.status.containerStatuses[0].restartCount}{"\n"}{end}'
}

need docker kind kubectl git curl java mvn
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "unsupported machine $(uname -m)" ;;
esac

log "1/7 kind cluster ${cluster} (${node_image})"
if ! kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  kind create cluster --name "$cluster" --image "$node_image" --wait 180s
fi
kubectl config use-context "kind-${cluster}" >/dev/null

log "2/7 runtime images, built with Jib and loaded into the node"
(cd "$root" && mvn -B -ntp -pl runtime/loader,runtime/adapter-sync,runtime/commit-hook -am -DskipTests \
  package jib:buildTar -Djib.from.platforms="linux/${arch}" -Djib.container.format=Docker \
  -Dkubeai.image.tag="$tag")
for module in loader adapter-sync commit-hook; do
  kind load image-archive "$root/runtime/${module}/target/jib-image.tar" --name "$cluster"
done
# The commit hook also runs here, outside the cluster, as a CI job or a finetuning Job would run it.
docker load --input "$root/runtime/commit-hook/target/jib-image.tar" >/dev/null

log "3/7 the GitOps repo: ${work}/origin.git and its clone ${work}/repo"
mkdir -p "$work"
git init --quiet --bare "$work/origin.git"
git -C "$work/origin.git" symbolic-ref HEAD refs/heads/main
cp -R "$root/e2e/kind-repo" "$work/repo"
"$root/kubeai" generate "$work/repo"
git -C "$work/repo" init --quiet
git -C "$work/repo" checkout --quiet -b main
git -C "$work/repo" add --all
git -C "$work/repo" -c user.name=e2e -c user.email=e2e@example.invalid commit --quiet -m "The kind walkthrough's GitOps repo"
git -C "$work/repo" remote add origin "$work/origin.git"
git -C "$work/repo" push --quiet origin main
git -C "$work/repo" branch --quiet --set-upstream-to=origin/main main

log "4/7 apply rendered/ and wait for the model server (downloads the image and the weights)"
kubectl apply -k "$work/repo/rendered"
if [ -n "${HF_TOKEN:-}" ]; then
  kubectl -n "$namespace" create secret generic huggingface --from-literal=token="$HF_TOKEN" \
    --dry-run=client -o yaml | kubectl apply -f -
fi
kubectl -n "$namespace" rollout status "deployment/${model}" --timeout=45m

log "5/7 chat with the model and with its adapter"
kubectl -n "$namespace" port-forward "service/${model}" "${port}:80" >/dev/null 2>&1 &
forward_pid=$!
retry 60 models || die "the server does not answer on the port-forward"
chat "$model" "Name a color."
retry 300 served "${model}_colorist" || die "${model}_colorist is not served: $(models)"
chat "${model}_colorist" "Give me a color for a calm sea."
before="$(pod_of_model)"

log "6/7 commit a new adapter with the commit hook, pull, apply"
docker run --rm --user "$(id -u):$(id -g)" --volume "$work:$work" "$hook_image" \
  commit-adapter --repo-url "file://${work}/origin.git" --branch main \
  --model "$model" --adapter energy --url hf://jashing/tinyllama-energy-lora
git -C "$work/repo" pull --quiet --ff-only
git -C "$work/repo" show --stat --format='%s' HEAD
kubectl apply -k "$work/repo/rendered"

log "7/7 the new adapter is served by the same pod"
# Through the API server the sidecar sees the ConfigMap change in about a second; from the mounted file
# alone, after the kubelet's refresh (about a minute).
retry 300 served "${model}_energy" || die "${model}_energy is not served: $(models)"
chat "${model}_energy" "What gives you energy?"
after="$(pod_of_model)"
[ "$before" = "$after" ] || die "the pod changed or restarted: before '${before}', after '${after}'"
printf '\nPASS: %s and %s_colorist answered; %s_energy was committed and served by the same pod (%s)\n' \
  "$model" "$model" "$model" "$after"
