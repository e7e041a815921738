#!/usr/bin/env bash
# The container's HEALTHCHECK. A bot serving Discord or Slack must answer /health on the metrics
# port with 200. A console chat, or a one-off command (ask, index, eval...), serves no endpoint and
# counts as healthy while it runs, so `docker run -it readingroom` is never marked unhealthy.
set -u
port="${READINGROOM_METRICS_PORT:-9464}"
cmdline_file="${READINGROOM_HEALTHCHECK_CMDLINE:-/proc/1/cmdline}"

serving=false
for name in DISCORD_TOKEN SLACK_BOT_TOKEN; do
  file_name="${name}_FILE"
  if [ -n "${!name:-}" ] || [ -n "${!file_name:-}" ]; then
    serving=true
  fi
done
# The entry point's arguments: anything but the default "chat" is not serving.
if [ -r "$cmdline_file" ]; then
  args=" $(tr '\0' ' ' < "$cmdline_file")"
  if printf '%s' "$args" | grep -qE -- ' (--console|ask|index|eval|bench|help|generate-completion|--help|-h|--version|-V)( |$)'; then
    serving=false
  fi
fi
if [ "${READINGROOM_METRICS:-true}" = "false" ]; then
  serving=false # no endpoint to ask; the process running is all Docker can know
fi
if [ "$serving" = false ]; then
  exit 0
fi
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
head -n 1 <&3 | grep -q ' 200 '
