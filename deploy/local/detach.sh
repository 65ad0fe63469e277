#!/usr/bin/env bash
# detach.sh [--pidfile FILE] COMMAND...: close every inherited file descriptor above 2
# (make's jobserver pipes, CI runner pipes, ...), optionally write our pid to FILE, then
# exec COMMAND (so FILE holds the pid of COMMAND itself). Used by deploy/local/*.sh for the
# long running processes, so that they never keep a caller's pipe open.
pidfile=""
if [[ "${1:-}" == --pidfile ]]; then
  pidfile="$2"
  shift 2
fi
for fd in "/proc/$$/fd"/*; do
  fd="${fd##*/}"
  # 255 is bash's own handle on this script (close-on-exec anyway)
  if [[ "$fd" =~ ^[0-9]+$ ]] && ((fd > 2 && fd != 255)); then
    eval "exec $fd>&-" 2>/dev/null || true
  fi
done
if [[ -n "$pidfile" ]]; then
  echo $$ >"$pidfile.tmp" && mv "$pidfile.tmp" "$pidfile"
fi
exec "$@"
