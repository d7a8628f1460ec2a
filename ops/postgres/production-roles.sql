-- A template for the platform's DBA, not run by anything in this repository: the database of one
-- service (here allocation; repeat for orders) with two roles, so that the running service can
-- read and write data but never change the schema:
--   allocation_migrator  owns the database and its schemas; Flyway runs as this user
--                        (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD), at start-up.
--   allocation_app       the service's connection pool (SPRING_DATASOURCE_USERNAME / _PASSWORD):
--                        CONNECT, USAGE on the schemas, SELECT/INSERT/UPDATE/DELETE on the tables,
--                        the sequences; no CREATE, ALTER, DROP or TRUNCATE.
-- Run as a superuser or the platform's admin role:
--   psql -v migrator_password=... -v app_password=... -f production-roles.sql
\set ON_ERROR_STOP on

CREATE ROLE allocation_migrator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'migrator_password';
CREATE ROLE allocation_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE allocation OWNER allocation_migrator;
REVOKE ALL ON DATABASE allocation FROM PUBLIC;
GRANT CONNECT ON DATABASE allocation TO allocation_app;

\connect allocation
-- public holds the service's tables, messaging the outbox and inbox (their own Flyway history).
ALTER SCHEMA public OWNER TO allocation_migrator;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS messaging AUTHORIZATION allocation_migrator;
GRANT USAGE ON SCHEMA public, messaging TO allocation_app;

-- Tables and sequences the migrator creates later get the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE allocation_migrator IN SCHEMA public, messaging
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO allocation_app;
ALTER DEFAULT PRIVILEGES FOR ROLE allocation_migrator IN SCHEMA public, messaging
    GRANT USAGE, SELECT ON SEQUENCES TO allocation_app;
