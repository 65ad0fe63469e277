#!/usr/bin/env bash
# Lints the API contracts with maintained linters: the OpenAPI document each service's build just wrote
# (services/*/target/openapi, or contracts/openapi with --committed) with Redocly's recommended rules
# (contracts/redocly.yaml), and contracts/asyncapi.yaml with the AsyncAPI CLI. An error fails; warnings are shown.
#   lint-contracts.sh install     installs the linters (npm, pinned versions) into $CACHE/contract-lint
#   lint-contracts.sh [--committed]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TOOLS="$CACHE/contract-lint"
REDOCLY_VERSION=2.77.0
ASYNCAPI_VERSION=6.2.0

install() {
  if [[ -x "$TOOLS/node_modules/.bin/redocly" && -x "$TOOLS/node_modules/.bin/asyncapi" ]] \
      && grep -q "\"$REDOCLY_VERSION\"" "$TOOLS/node_modules/@redocly/cli/package.json" 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null || apt_install /usr/bin/npm npm
  mkdir -p "$TOOLS"
  log "installing @redocly/cli@$REDOCLY_VERSION and @asyncapi/cli@$ASYNCAPI_VERSION into $TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent \
    "@redocly/cli@$REDOCLY_VERSION" "@asyncapi/cli@$ASYNCAPI_VERSION" >"$TOOLS/npm.log" 2>&1 \
    || { tail -20 "$TOOLS/npm.log" >&2; die "npm install of the contract linters failed"; }
}

lint() {
  local docs=()
  if [[ "${1:-}" == --committed ]]; then
    docs=("$REPO"/contracts/openapi/*/openapi.yaml)
  else
    docs=("$REPO"/services/*/target/openapi/openapi.yaml)
  fi
  [[ -e "${docs[0]}" ]] || die "no OpenAPI document at ${docs[0]} (build first)"
  install
  export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
  log "linting ${#docs[@]} OpenAPI documents"
  "$TOOLS/node_modules/.bin/redocly" lint --config "$REPO/contracts/redocly.yaml" --format=summary "${docs[@]}"
  log "validating contracts/asyncapi.yaml"
  "$TOOLS/node_modules/.bin/asyncapi" validate "$REPO/contracts/asyncapi.yaml" --fail-severity=error
}

case "${1:-}" in
  install) install ;;
  *) lint "$@" ;;
esac
