--liquibase formatted sql

--changeset bob:3
CREATE TABLE ${audit_table} (
    id serial PRIMARY KEY,
    happened_at timestamptz NOT NULL
);
