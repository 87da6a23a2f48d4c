CREATE TABLE companies (id uuid PRIMARY KEY, name text NOT NULL, vat_number text NOT NULL UNIQUE);
CREATE TABLE invoices (
    id                 uuid PRIMARY KEY,
    company_id         uuid NOT NULL REFERENCES companies (id),
    company_vat_number text NOT NULL, -- expect: copied-attribute
    issued_on          date NOT NULL,
    amount             numeric(12, 2) NOT NULL
);
