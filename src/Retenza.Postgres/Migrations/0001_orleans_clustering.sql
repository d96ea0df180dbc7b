-- Orleans ADO.NET clustering (membership) on PostgreSQL.
-- Contract: shared/ORLEANS-ADONET.md §2. The table version is the only concurrency token:
-- every successful insert/update of a member raises it by exactly 1, a failed one changes nothing.

-- The providers look their SQL up with the hard-coded, unquoted "SELECT QueryKey, QueryText FROM OrleansQuery",
-- so the table and its columns must stay unquoted (they fold to orleansquery / querykey / querytext).
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per cluster (Orleans calls the ClusterId "DeploymentId"); starts at version 0.
CREATE TABLE orleans_membership_version (
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- A silo is identified by (address, port, generation). Address is the IP's text form (IPv4 or IPv6), never inet.
-- Port, generation, status and proxy_port are integer because the provider reads them with GetInt32.
CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text,
    host_name       text,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    -- Verbatim "ip:port@gen,yyyy-MM-dd HH:mm:ss.fff GMT|..." list written and parsed by Orleans.
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserts a member only if it is absent and the cluster is still at p_version; then bumps the version.
-- Returns 1 on success, 0 otherwise (nothing changed).
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    -- Every membership change locks the cluster's version row first, so holding it at the expected
    -- version means no other insert/update can interleave. A concurrent committed change makes
    -- FOR UPDATE re-check the row, see the new version and find nothing.
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleans_membership (
        deployment_id, address, port, generation, silo_name, host_name,
        status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (
        p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
        p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN 1;
END
$$;

-- Updates status, suspect times and liveness of an existing member if the cluster is still at p_version;
-- then bumps the version. Returns 1 on success, 0 otherwise (nothing changed).
CREATE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    -- Same lock discipline as orleans_membership_insert.
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN 1;
END
$$;

-- Query texts. Result columns are read by name (case-insensitively), boolean results from column 0.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created;
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.version                    AS Version,
       m.address                    AS Address,
       m.port                       AS Port,
       m.generation                 AS Generation,
       coalesce(m.silo_name, '')    AS SiloName,
       coalesce(m.host_name, '')    AS HostName,
       m.status                     AS Status,
       m.proxy_port                 AS ProxyPort,
       m.suspect_times              AS SuspectTimes,
       m.start_time                 AS StartTime,
       m.i_am_alive_time            AS IAmAliveTime
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.version                    AS Version,
       m.address                    AS Address,
       m.port                       AS Port,
       m.generation                 AS Generation,
       coalesce(m.silo_name, '')    AS SiloName,
       coalesce(m.host_name, '')    AS HostName,
       m.status                     AS Status,
       m.proxy_port                 AS ProxyPort,
       m.suspect_times              AS SuspectTimes,
       m.start_time                 AS StartTime,
       m.i_am_alive_time            AS IAmAliveTime
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$sql$),

('InsertMembershipKey', $sql$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$sql$),

('UpdateMembershipKey', $sql$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
$sql$),

('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$sql$),

('GatewaysQueryKey', $sql$
SELECT address    AS Address,
       proxy_port AS ProxyPort,
       generation AS Generation
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0;
$sql$),

-- Removes the cluster's version row; its members go with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId;
$sql$),

-- Every non-Active status (3 = Active) older than the cut-off goes, as the shared Orleans test expects.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND i_am_alive_time < @IAmAliveTime
   AND status <> 3;
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
