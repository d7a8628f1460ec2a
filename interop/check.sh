#!/usr/bin/env bash
# End-to-end interop check against a suite that is already running with its registry:
# installs the pinned kafkajs client (npm ci) once, then runs allocate.js. Any argument is passed
# on to allocate.js (node interop/kafkajs/allocate.js --help lists them). Exit status: allocate.js's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bootstrap="${KAFKA_BOOTSTRAP:-127.0.0.1:9092}"
registry="${SCHEMA_REGISTRY_URL:-http://127.0.0.1:8085/apis/ccompat/v7}"
# Flags win over the environment, here as in allocate.js.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --bootstrap) bootstrap="${args[i+1]:-}" ;;
    --bootstrap=*) bootstrap="${args[i]#*=}" ;;
    --registry-url) registry="${args[i+1]:-}" ;;
    --registry-url=*) registry="${args[i]#*=}" ;;
  esac
done

command -v node >/dev/null || { echo "check.sh: node (18 or newer) is not on the PATH" >&2; exit 1; }
if ! node -e 'fetch(process.argv[1] + "/subjects").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$registry"; then
  cat >&2 <<MSG
check.sh: no schema registry answers at $registry (Kafka expected at $bootstrap).
Start the suite with its registry first, from the repository root, and wait for "The local stack is up":
    ./run-local --registry
(non-default ports: add e.g. --kafka-port 39092 --registry-port 38085 ..., then run
    KAFKA_BOOTSTRAP=127.0.0.1:39092 SCHEMA_REGISTRY_URL=http://127.0.0.1:38085/apis/ccompat/v7 interop/check.sh)
MSG
  exit 1
fi

cd "$here/kafkajs"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  echo "Installing the pinned client (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node allocate.js --bootstrap "$bootstrap" --registry-url "$registry" "$@"
