-- Run once by the postgres image on an empty data volume, through init.sh (which passes the
-- passwords from the environment as psql variables). One database per service that has one,
-- each owned by that service's own login role: the role can create and change its tables
-- (Flyway runs on start) in its database and nothing else: no superuser, no other database, no
-- new roles or databases. The superuser is left to operators (`docker compose exec postgres psql
-- -U postgres`). For a production split between a migration user and an application user with
-- data rights only, see production-roles.sql.
\set ON_ERROR_STOP on

CREATE ROLE allocation LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'allocation_password';
CREATE ROLE orders LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'orders_password';

CREATE DATABASE allocation OWNER allocation;
CREATE DATABASE orders OWNER orders;

-- PUBLIC may connect to any database by default: only the owner may connect to these.
REVOKE ALL ON DATABASE allocation FROM PUBLIC;
REVOKE ALL ON DATABASE orders FROM PUBLIC;
