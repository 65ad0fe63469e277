#!/usr/bin/env bash
# Lints the API contracts with maintained linters: the OpenAPI document each service's build just wrote
# (services/*/target/openapi, or contracts/openapi with --committed) with Redocly's recommended rules
# (contracts/redocly.yaml), and contracts/asyncapi.yaml with the AsyncAPI CLI. An error fails; warnings are shown.
# Before that, the committed contracts/openapi must be those documents, apart from the Keycloak address.
#   lint-contracts.sh install     installs the linters (npm ci of deploy/local/contract-lint) into $CACHE/contract-lint
#   lint-contracts.sh [--committed]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TOOLS="$CACHE/contract-lint"
PINNED="$LOCAL_DIR/contract-lint"   # package.json and package-lock.json: the linters' versions, to the last dependency

install() {
  if [[ -x "$TOOLS/node_modules/.bin/redocly" && -x "$TOOLS/node_modules/.bin/asyncapi" ]] \
      && cmp -s "$PINNED/package-lock.json" "$TOOLS/package-lock.json"; then
    return 0
  fi
  command -v npm >/dev/null || die "npm is missing (apt-get install npm)"
  rm -rf "$TOOLS" && mkdir -p "$TOOLS"
  cp "$PINNED/package.json" "$PINNED/package-lock.json" "$TOOLS/"
  log "installing the contract linters (npm ci of $PINNED) into $TOOLS"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --silent >"$TOOLS/npm.log" 2>&1) \
    || { tail -20 "$TOOLS/npm.log" >&2; rm -f "$TOOLS/package-lock.json"; die "npm ci of the contract linters failed"; }
}

# The committed contracts are what integrators read: each must be the document its service's build just wrote,
# apart from the Keycloak address, which names the stack built for.
committed_up_to_date() {
  local built service stale=()
  for built in "$REPO"/services/*/target/openapi/openapi.yaml; do
    service=$(basename "$(dirname "$(dirname "$(dirname "$built")")")")
    diff -q <(grep -v openIdConnectUrl "$built") <(grep -v openIdConnectUrl "$REPO/contracts/openapi/$service/openapi.yaml") \
      >/dev/null || stale+=("$service")
  done
  ((${#stale[@]} == 0)) \
    || die "contracts/openapi/{${stale[*]// /,}} differ from what the code describes: rebuild on the dev stack (make run) and commit them"
}

lint() {
  local docs=()
  if [[ "${1:-}" == --committed ]]; then
    docs=("$REPO"/contracts/openapi/*/openapi.yaml)
  else
    docs=("$REPO"/services/*/target/openapi/openapi.yaml)
  fi
  [[ -e "${docs[0]}" ]] || die "no OpenAPI document at ${docs[0]} (build first)"
  [[ "${1:-}" == --committed ]] || committed_up_to_date
  install
  export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
  log "linting ${#docs[@]} OpenAPI documents"
  "$TOOLS/node_modules/.bin/redocly" lint --config "$REPO/contracts/redocly.yaml" --format=summary "${docs[@]}"
  log "validating contracts/asyncapi.yaml"
  # No usage metrics sent from a build.
  echo '{"analyticsEnabled":"false","infoMessageShown":"true"}' >"$TOOLS/asyncapi-analytics.json"
  export ASYNCAPI_METRICS_CONFIG_PATH="$TOOLS/asyncapi-analytics.json" SUPPRESS_NO_CONFIG_WARNING=true
  "$TOOLS/node_modules/.bin/asyncapi" validate "$REPO/contracts/asyncapi.yaml" --fail-severity=error
}

case "${1:-}" in
  install) install ;;
  *) lint "$@" ;;
esac
