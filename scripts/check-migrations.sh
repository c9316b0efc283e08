#!/usr/bin/env bash
# Fails when src/db/schema and the committed migrations in drizzle/ disagree: drizzle-kit generates into a
# scratch copy of drizzle/, and any file it writes there is a migration someone forgot to generate.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -R drizzle "$scratch/drizzle"
# drizzle-kit reads --out relative to the working directory
out="$(realpath --relative-to=. "$scratch/drizzle")"
log="$(npx drizzle-kit generate --dialect postgresql --schema ./src/db/schema/index.ts --out "$out" 2>&1)" || {
  echo "$log" >&2
  exit 1
}
if ! diff -r drizzle "$scratch/drizzle" >/dev/null; then
  echo "src/db/schema differs from drizzle/: run \`npm run db:generate\` and commit the migration" >&2
  diff -r drizzle "$scratch/drizzle" | head -20 >&2 || true
  exit 1
fi
# drizzle-kit may exit 0 after an error: only its own "nothing to migrate" counts as agreement
if ! grep -q 'No schema changes' <<<"$log"; then
  echo "$log" >&2
  exit 1
fi
echo "drizzle/ matches src/db/schema"
