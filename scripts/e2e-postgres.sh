#!/bin/sh
# The browser journeys again on PostgreSQL, as Vitest runs every test again there: the app on a
# fresh database of the server TEST_DATABASE_URL names, on its own port with its own reports
# (.data/e2e-runs/3200). Without TEST_DATABASE_URL they run on the embedded database only.
set -e
if [ -z "$TEST_DATABASE_URL" ]; then
  echo "TEST_DATABASE_URL is not set: the browser journeys ran on the embedded database only"
  exit 0
fi
E2E_POSTGRES_URL="$TEST_DATABASE_URL" E2E_PORT="${E2E_POSTGRES_PORT:-3200}" exec npx playwright test "$@"
