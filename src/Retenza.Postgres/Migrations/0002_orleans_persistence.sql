-- Orleans ADO.NET grain persistence on PostgreSQL.
-- Contract: shared/ORLEANS-ADONET.md §3. This is the hot path (every ingested ticket writes about two rows),
-- so each operation is a single statement that touches the row through one primary-key probe.

-- Digest of the natural key (service, state name, N0, N1, extension). Each text part is length-prefixed and a NULL
-- extension has its own marker, so distinct keys never produce the same input. The digest keeps index entries at
-- 32 bytes whatever the key length (a B-tree entry over ~2.7 kB would fail) and makes NULL = NULL for uniqueness.
-- IMMUTABLE is sound although convert_to is only STABLE: the database encoding is fixed when the database is created.
CREATE FUNCTION orleans_storage_key_digest(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text)
RETURNS bytea
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT sha256(convert_to(
               length(p_service_id)::text || ':' || p_service_id
            || length(p_grain_type)::text || ':' || p_grain_type
            || p_n0::text || ':' || p_n1::text || ':'
            || coalesce('S' || length(p_extension)::text || ':' || p_extension, 'N'),
           'UTF8'))
$$;

-- The hashes from Orleans' IHasher are stored for diagnostics only: they are not unique and change with the
-- configured hasher, so lookups go through key_digest and the full natural key instead.
CREATE TABLE orleans_storage (
    key_digest         bytea       GENERATED ALWAYS AS (orleans_storage_key_digest(
                                       service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)) STORED,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text,
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    -- NULL after a clear with DeleteStateOnClear=false: the row (and its version) stays, the state is gone.
    payload_binary     bytea,
    modified_on        timestamptz NOT NULL,
    version            integer     NOT NULL,
    CONSTRAINT orleans_storage_pkey PRIMARY KEY (key_digest)
)
-- Writes only change non-indexed columns; free space on each page lets them be HOT updates.
WITH (fillfactor = 90);

-- Query texts. Every key receives GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
-- GrainIdExtensionString and ServiceId. A conflict or version mismatch returns no row, which Orleans turns
-- into InconsistentStateException. Versions wrap from int.MaxValue to 1 because the ETag must fit in int32.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $sql$
SELECT payload_binary AS PayloadBinary,
       version        AS Version
  FROM orleans_storage
 WHERE key_digest = orleans_storage_key_digest(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$sql$),

-- No ETag: insert at version 1 unless any row exists (also a cleared one). ETag: update only on a version match.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_storage
       SET payload_binary = @PayloadBinary,
           version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
           modified_on = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND key_digest = orleans_storage_key_digest(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
       AND service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage (
        service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
        grain_id_hash, grain_type_hash, payload_binary, modified_on, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, now(), 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT (key_digest) DO NOTHING
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT version FROM inserted;
$sql$),

-- DeleteStateOnClear=false: keep the row with a NULL payload and a new version (returned in column 0).
('ClearStorageKey', $sql$
UPDATE orleans_storage
   SET payload_binary = NULL,
       version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
       modified_on = now()
 WHERE key_digest = orleans_storage_key_digest(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version;
$sql$),

-- DeleteStateOnClear=true: remove the row; column 0 only has to differ from the ETag sent.
('DeleteStorageKey', $sql$
DELETE FROM orleans_storage
 WHERE key_digest = orleans_storage_key_digest(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version::bigint + 1;
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
