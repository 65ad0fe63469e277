# shellcheck shell=bash
# ---------------------------------------------------------------- evaluations
load_evaluations() {
  org_ref evaluations
}

time_evaluations() {
  :
}
