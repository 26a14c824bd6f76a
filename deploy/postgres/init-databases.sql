-- Runs once, when the compose PostgreSQL volume is first created: each service owns its database.
CREATE DATABASE auth;
CREATE DATABASE records;
