-- Tenants and their API keys. Keys are stored only as SHA-256 digests: they are 160-bit random
-- secrets, so a slow password hash would buy nothing but latency on every request.
CREATE TABLE IF NOT EXISTS retenza_tenant (
    name        text        PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS retenza_api_key (
    key_hash    text        PRIMARY KEY,
    tenant      text        NOT NULL REFERENCES retenza_tenant (name),
    kind        text        NOT NULL CHECK (kind IN ('platform', 'admin')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One live key per tenant and kind: rotation replaces it.
CREATE UNIQUE INDEX IF NOT EXISTS retenza_api_key_tenant_kind ON retenza_api_key (tenant, kind);
