-- Grows a copy of the demo database to a monitor-sized one: five past campaigns (the demo's
-- 2023 campaign copied to 2018-2022) of 20,000 application instances each, 20,000 more in the
-- latest campaign, and each clone with the journal of the demo instance it copies.
-- A quick stand-in for the real generator (bench/TitleReview.Benchmarks.Data), for query plans
-- and the monitor's timings only: the clones have no applications, dossiers or bookmarks.
--   cp DATA/titlereview.db /tmp/big.db && sqlite3 /tmp/big.db < bench/monitor/clone-instances.sql
.bail on
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;

BEGIN;

INSERT INTO Campaigns (Id, Year, Name, TenureCutoff, CreatedAt, ConcurrencyToken)
WITH RECURSIVE years(y) AS (SELECT 2018 UNION ALL SELECT y + 1 FROM years WHERE y < 2022)
SELECT (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT hex(randomblob(16)) AS h WHERE y = y)), y, replace(c.Name, '2023', y), c.TenureCutoff,
       replace(c.CreatedAt, '2023-', y || '-'), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT hex(randomblob(16)) AS h WHERE y = y))
FROM years, Campaigns c WHERE c.Year = 2023;

CREATE TEMP TABLE states(n INTEGER PRIMARY KEY, state TEXT, status TEXT, sub TEXT);
INSERT INTO states (state, status, sub) VALUES
  ('Passed', 'Finished', 'Completed'), ('Passed', 'Finished', 'Completed'), ('Passed', 'Finished', 'Completed'),
  ('Failed', 'Finished', 'Completed'), ('NotSubmitted', 'Finished', 'Completed'), ('NotForwarded', 'Finished', 'Completed'),
  ('PublicityObjected', 'Finished', 'Completed'), ('NotReferred', 'Finished', 'Completed'),
  ('Draft', 'Running', 'Waiting'), ('Submitted', 'Running', 'Waiting'), ('Returned', 'Running', 'Waiting'),
  ('UnitApproved', 'Running', 'Waiting'), ('SubmittedToOffice', 'Running', 'Waiting'), ('PaperReceived', 'Running', 'Waiting'),
  ('ReferredToCommittee', 'Running', 'Faulted');

CREATE TEMP TABLE sources AS
SELECT row_number() OVER (ORDER BY Id) - 1 AS n, * FROM WorkflowInstances WHERE DefinitionId = 'application';

CREATE TEMP TABLE targets AS
SELECT c.Id AS CampaignId, c.Year AS Year, (c.Year = (SELECT max(Year) FROM Campaigns)) AS Current
FROM Campaigns c WHERE c.Year <> 2023;

CREATE TEMP TABLE clones AS
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 19999)
SELECT (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT hex(randomblob(16)) AS h WHERE k.i = k.i)) AS Id, t.CampaignId, t.Year, t.Current, k.i AS i,
       (SELECT count(*) FROM sources) AS sourceCount
FROM targets t, k;

INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersion, SubjectType, SubjectId, SubjectTitle, CampaignId, UnitId,
    OwnerUserId, Level, State, Status, SubStatus, IncidentCount, CreatedAt, UpdatedAt, StateEnteredAt, FinishedAt, ReopenedUntil, ConcurrencyToken)
SELECT c.Id, s.DefinitionId, s.DefinitionVersion, s.SubjectType, (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT hex(randomblob(16)) AS h WHERE c.i = c.i)), s.SubjectTitle || ' ' || c.i,
       c.CampaignId, s.UnitId, s.OwnerUserId || '-' || c.Year || '-' || c.i,
       CASE c.i % 3 WHEN 0 THEN 'Assistant' WHEN 1 THEN 'Intermediate' ELSE 'Senior' END,
       CASE WHEN c.Current THEN CASE c.i % 4 WHEN 0 THEN 'Draft' WHEN 1 THEN 'Submitted' WHEN 2 THEN 'Returned' ELSE 'UnitApproved' END ELSE st.state END,
       CASE WHEN c.Current THEN 'Running' ELSE st.status END,
       CASE WHEN c.Current THEN 'Waiting' ELSE st.sub END,
       CASE WHEN st.sub = 'Faulted' AND NOT c.Current THEN 1 ELSE 0 END,
       datetime(c.Year || '-08-01 00:00:00', '+' || (c.i % 40) || ' days', '+' || (c.i * 37 % 86400) || ' seconds'),
       datetime(c.Year || '-08-01 00:00:00', '+' || (c.i % 40 + 3 + c.i % 90) || ' days', '+' || (c.i * 53 % 86400) || ' seconds'),
       datetime(c.Year || '-08-01 00:00:00', '+' || (c.i % 40 + 3 + c.i % 90) || ' days', '+' || (c.i * 53 % 86400) || ' seconds'),
       CASE WHEN st.status = 'Finished' AND NOT c.Current
            THEN datetime(c.Year || '-08-01 00:00:00', '+' || (c.i % 40 + 3 + c.i % 90) || ' days', '+' || (c.i * 53 % 86400) || ' seconds') END,
       NULL, (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT hex(randomblob(16)) AS h WHERE c.i = c.i))
FROM clones c
JOIN sources s ON s.n = c.i % c.sourceCount
JOIN states st ON st.n = 1 + c.i % (SELECT count(*) FROM states);

INSERT INTO WorkflowJournal (InstanceId, FromState, Trigger, ToState, Actor, ActorName, Reason, OccurredAt)
SELECT c.Id, j.FromState, j.Trigger, j.ToState, j.Actor, j.ActorName, j.Reason,
       replace(j.OccurredAt, substr(j.OccurredAt, 1, 4), c.Year)
FROM clones c
JOIN sources s ON s.n = c.i % c.sourceCount
JOIN WorkflowJournal j ON j.InstanceId = s.Id
ORDER BY c.rowid, j.Id;

COMMIT;
ANALYZE;
SELECT c.Year, count(*) FROM WorkflowInstances i JOIN Campaigns c ON c.Id = i.CampaignId GROUP BY c.Year;
SELECT count(*) AS journal FROM WorkflowJournal;
