#!/usr/bin/env bash
# Checks deploy/kubernetes offline (part of `make test`):
#   1. renders both overlays with `kubectl kustomize` into target/rendered;
#   2. reads every object into its model and checks what the deployment promises (pom.xml's tests, src/test);
#   3. passes the Prometheus rules through `promtool check rules`, and `promtool test rules` (src/test/prometheus).
# `check.sh realms` first writes overlays/*/realm-import.yaml from deploy/keycloak/grassroots-realm.json.
# kubectl is the one of Debian's kubernetes-client package (1.20: the oldest Kustomize the manifests are written for),
# promtool the one of Debian's prometheus package; both are taken out of their .deb (apt-get download, dpkg-deb -x)
# into .run/cache/debs once: nothing is installed, and another kubectl on the machine plays no part.
set -euo pipefail
# shellcheck source=../local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/env.sh"
K8S="$REPO/deploy/kubernetes"

# tool PACKAGE FILE: the path of FILE in the package's .deb, fetched the first time
tool() {
  local pkg="$1" file="$2" dir="$CACHE/debs/$1" tmp
  if [[ ! -x "$dir/$file" ]]; then
    log "fetching $pkg with apt-get download (one time)"
    tmp="$(mktemp -d)"
    if ! (cd "$tmp" && apt-get download -q "$pkg" >/dev/null 2>&1); then
      if is_root; then apt-get update -q >/dev/null; fi
      (cd "$tmp" && apt-get download -q "$pkg" >/dev/null) || die "apt-get download $pkg failed"
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    dpkg-deb -x "$tmp"/*.deb "$dir"
    rm -rf "$tmp"
  fi
  echo "$dir/$file"
}

KUBECTL="$(tool kubernetes-client usr/bin/kubectl)"
PROMTOOL="$(tool prometheus usr/bin/promtool)"
rm -rf "$K8S/target/rendered"
mkdir -p "$K8S/target/rendered"
for overlay in staging production; do
  "$KUBECTL" kustomize "$K8S/overlays/$overlay" >"$K8S/target/rendered/$overlay.yaml"
  log "kubernetes: $overlay renders $(grep -c '^kind:' "$K8S/target/rendered/$overlay.yaml") objects"
done
if [[ "${1:-}" == realms ]]; then
  mvnw -f "$K8S/pom.xml" test -Dtest=RealmImportTest -Drealm.write=true -Dsurefire.failIfNoSpecifiedTests=false || true
  for overlay in staging production; do
    "$KUBECTL" kustomize "$K8S/overlays/$overlay" >"$K8S/target/rendered/$overlay.yaml"
  done
fi
mvnw -f "$K8S/pom.xml" test
for overlay in staging production; do
  "$PROMTOOL" check rules "$K8S/target/rendered/rules-$overlay.yaml"
done
"$PROMTOOL" test rules "$K8S/src/test/prometheus/alerts-test.yaml"
log "kubernetes: both overlays render, read into their models, keep their invariants; the rules pass promtool"
