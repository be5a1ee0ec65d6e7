#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume: one database per service, owned by
# a login role of its own with the password from .env (compose.yaml passes them in).
set -euo pipefail
create() {
  local role="$1" database="$2" password="$3"
  psql -v ON_ERROR_STOP=1 -U postgres -v role="$role" -v database="$database" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
SQL
}
create order_service kx_orders "$ORDER_SERVICE_DB_PASSWORD"
create fulfillment_service kx_fulfillment "$FULFILLMENT_SERVICE_DB_PASSWORD"
create messaging_service kx_messaging "$MESSAGING_SERVICE_DB_PASSWORD"
create support_service kx_support "$SUPPORT_SERVICE_DB_PASSWORD"
create notification_service kx_notifications "$NOTIFICATION_SERVICE_DB_PASSWORD"
