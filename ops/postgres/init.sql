-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d).
-- One database per service that has one; each service creates its own tables (Flyway) on start.
CREATE DATABASE allocation;
CREATE DATABASE orders;
