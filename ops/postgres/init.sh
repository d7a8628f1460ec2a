#!/bin/sh
# Mounted into /docker-entrypoint-initdb.d by docker-compose.yml: runs init.sql (mounted
# elsewhere, so the image does not run it a second time without the passwords) once, on an empty
# volume. The service passwords come from the environment; compose's defaults are local only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v allocation_password="${ALLOCATION_DB_PASSWORD:?ALLOCATION_DB_PASSWORD is not set}" \
    -v orders_password="${ORDERS_DB_PASSWORD:?ORDERS_DB_PASSWORD is not set}" \
    -f /etc/cosmic-stock/postgres/init.sql
