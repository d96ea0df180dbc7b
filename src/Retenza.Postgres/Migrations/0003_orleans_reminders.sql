-- Orleans ADO.NET reminders on PostgreSQL.
-- Contract: shared/ORLEANS-ADONET.md §4.

-- grain_hash is the signed int32 cast of GrainId.GetUniformHashCode(), stored exactly as received: the provider
-- picks the range query with a signed comparison, so an unsigned bigint here would break range reads.
-- period is in milliseconds and bigint, because Orleans sends bigint above int.MaxValue ms (about 24.8 days).
CREATE TABLE orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Serves the ring-range reads each silo makes for its share of the reminders.
CREATE INDEX orleans_reminders_service_hash_idx ON orleans_reminders (service_id, grain_hash);

-- Query texts. Rows are read by name: GrainId, ReminderName, StartTime, Period, Version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId;
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
   AND reminder_name = @ReminderName;
$sql$),

-- Used when (int)begin < (int)end: the range does not wrap in signed order.
('ReadRangeRows1Key', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash
   AND grain_hash <= @EndHash;
$sql$),

-- Used otherwise: the range wraps (begin = end means the whole ring).
('ReadRangeRows2Key', $sql$
SELECT grain_id      AS GrainId,
       reminder_name AS ReminderName,
       start_time    AS StartTime,
       period        AS Period,
       version       AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- One statement, so concurrent upserts of the same reminder serialize on its row and each gets a new version.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period = EXCLUDED.period,
       grain_hash = EXCLUDED.grain_hash,
       version = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING version AS Version;
$sql$),

('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM deleted;
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders
 WHERE service_id = @ServiceId;
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
