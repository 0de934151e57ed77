-- Fills a migrated, empty PostgreSQL store with a realistic account for the HTTP load benchmark
-- (bench/load/run.sh), set-based and repeatable:
--   200 managed policies of 5 to 10 statements each: allows scoped to a team's resources, wildcard reads,
--       conditions (source IP, region, MFA, the principal's team tag as a policy variable) and a few denies;
--       10 of them are broad permissions boundaries
--   50 groups, each with 2 to 4 attached policies
--   1,000 users, each tagged with a team, in 1 to 3 groups, with 0 to 2 attached policies; 10% have a boundary
-- Pure SQL without psql commands.

SELECT setseed(0.6);

CREATE FUNCTION pg_temp.base32(v bigint, width int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', ((v >> (5 * k)) & 31)::int + 1, 1), '' ORDER BY k DESC)
  FROM generate_series(0, width - 1) AS k
$$;

CREATE FUNCTION pg_temp.iam_id(prefix text, n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT prefix || pg_temp.base32(('x' || substr(md5(prefix || n), 1, 15))::bit(60)::bigint, 12)
    || pg_temp.base32(n, 5)
$$;

-- Statement templates; %1$s is a team number (0 to 19), so that policies of one team overlap.
CREATE TEMPORARY TABLE seed_statements (k int PRIMARY KEY, statement text);
INSERT INTO seed_statements VALUES
  (0, '{"Sid":"TeamBucketRead","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:ListBucket"],'
      '"Resource":["arn:aws:s3:::team-%1$s-data","arn:aws:s3:::team-%1$s-data/*"]}'),
  (1, '{"Sid":"TeamBucketWrite","Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],'
      '"Resource":"arn:aws:s3:::team-%1$s-data/uploads/*"}'),
  (2, '{"Sid":"NoProdDeletes","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::*/prod/*"}'),
  (3, '{"Sid":"Describe","Effect":"Allow","Action":["ec2:Describe*","cloudwatch:Get*","cloudwatch:List*"],'
      '"Resource":"*"}'),
  (4, '{"Sid":"TeamTables","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:PutItem"],'
      '"Resource":"arn:aws:dynamodb:us-east-1:*:table/orders-%1$s*"}'),
  (5, '{"Sid":"QueuesFromOffice","Effect":"Allow","Action":["sqs:SendMessage","sqs:ReceiveMessage"],'
      '"Resource":"arn:aws:sqs:*:*:queue-%1$s-*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}'),
  (6, '{"Sid":"InvokeInRegion","Effect":"Allow","Action":"lambda:InvokeFunction",'
      '"Resource":"arn:aws:lambda:*:*:function:svc-%1$s-*",'
      '"Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}'),
  (7, '{"Sid":"DecryptWithMfa","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],'
      '"Resource":"arn:aws:kms:us-east-1:*:key/*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}'),
  (8, '{"Sid":"OwnTeamLogs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],'
      '"Resource":"arn:aws:logs:*:*:log-group:/app/${aws:PrincipalTag/team}:*"}'),
  (9, '{"Sid":"NoIamWrites","Effect":"Deny","NotAction":["iam:Get*","iam:List*"],"Resource":"arn:aws:iam::*:*"}');

CREATE TEMPORARY TABLE seed_policies AS
SELECT n, pg_temp.iam_id('ANPA', n) AS id, n <= 10 AS boundary,
       CASE WHEN n <= 10 THEN format('Boundary-%s', n)
            ELSE format('%s%s-%s', (ARRAY['ReadOnly', 'Developer', 'Operator', 'Deploy', 'Audit'])[1 + n % 5],
                        (ARRAY['Data', 'Compute', 'Messaging', 'Observability'])[1 + n / 5 % 4], n) END AS name
FROM generate_series(1, 200) AS n;

CREATE TEMPORARY TABLE seed_groups AS
SELECT n, pg_temp.iam_id('AGPA', n) AS id,
       format('%s-%s', (ARRAY['Developers', 'Operators', 'Analysts', 'Auditors', 'Support'])[1 + n % 5], n) AS name,
       2 + floor(random() * 3)::int AS policy_count
FROM generate_series(1, 50) AS n;

CREATE TEMPORARY TABLE seed_users AS
SELECT n, pg_temp.iam_id('AIDA', n) AS id, format('user-%s', n) AS name, n % 20 AS team,
       1 + floor(random() * 3)::int AS group_count, floor(random() * 3)::int AS policy_count,
       random() < 0.10 AS bounded
FROM generate_series(1, 1000) AS n;

INSERT INTO managed_policies (id, name, normalized_name, path, create_date, update_date, description,
                              default_version_number, latest_version_number, is_attachable)
SELECT id, name, upper(name), CASE WHEN boundary THEN '/boundaries/' ELSE '/' END,
       timestamptz '2025-01-01 00:00:00+00', timestamptz '2025-01-01 00:00:00+00', NULL, 1, 1, true
FROM seed_policies;

-- An ordinary policy has 5 to 10 consecutive templates (wrapping), for a team derived from its number; a
-- boundary allows whole services and denies IAM writes.
INSERT INTO managed_policy_versions (policy_id, version_number, document, create_date)
SELECT p.id, 1,
       '{"Version":"2012-10-17","Statement":[' || CASE WHEN p.boundary THEN
         '{"Sid":"Services","Effect":"Allow","Action":["s3:*","dynamodb:*","sqs:*","logs:*","lambda:*"],'
         || '"Resource":"*"},{"Sid":"Reads","Effect":"Allow","Action":["ec2:Describe*","cloudwatch:Get*"],'
         || '"Resource":"*"},{"Sid":"Keys","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"},'
         || '{"Sid":"NoBucketPolicy","Effect":"Deny","Action":"s3:PutBucketPolicy","Resource":"*"},'
         || (SELECT statement FROM seed_statements WHERE k = 9)
       ELSE
         (SELECT string_agg(format(s.statement, p.n % 20), ',' ORDER BY j)
          FROM generate_series(0, 4 + p.n % 6) AS j
          JOIN seed_statements AS s ON s.k = (p.n + j) % 10)
       END || ']}',
       timestamptz '2025-01-01 00:00:00+00'
FROM seed_policies AS p;

INSERT INTO groups (id, name, normalized_name, path, create_date)
SELECT id, name, upper(name), '/', timestamptz '2025-01-01 00:00:00+00' FROM seed_groups;

INSERT INTO users (id, name, normalized_name, path, create_date, permissions_boundary_policy_id)
SELECT u.id, u.name, upper(u.name), CASE WHEN u.n % 4 = 0 THEN '/engineering/' ELSE '/' END,
       timestamptz '2025-01-01 00:00:00+00', CASE WHEN u.bounded THEN b.id END
FROM seed_users AS u JOIN seed_policies AS b ON b.n = 1 + u.n % 10;

INSERT INTO user_tags (user_id, key, normalized_key, value)
SELECT id, 'team', 'TEAM', format('team-%s', team) FROM seed_users;

INSERT INTO group_memberships (group_id, user_id)
SELECT DISTINCT g.id, pick.user_id
FROM (SELECT u.id AS user_id, 1 + floor(random() * 50)::int AS n
      FROM seed_users AS u, generate_series(1, u.group_count) AS k) AS pick
JOIN seed_groups AS g ON g.n = pick.n;

-- Attached policies are ordinary ones (11 to 200).
INSERT INTO group_policy_attachments (group_id, policy_id)
SELECT DISTINCT pick.group_id, p.id
FROM (SELECT g.id AS group_id, 11 + floor(random() * 190)::int AS n
      FROM seed_groups AS g, generate_series(1, g.policy_count) AS k) AS pick
JOIN seed_policies AS p ON p.n = pick.n;

INSERT INTO user_policy_attachments (user_id, policy_id)
SELECT DISTINCT pick.user_id, p.id
FROM (SELECT u.id AS user_id, 11 + floor(random() * 190)::int AS n
      FROM seed_users AS u, generate_series(1, u.policy_count) AS k) AS pick
JOIN seed_policies AS p ON p.n = pick.n;

DROP TABLE seed_users, seed_groups, seed_policies, seed_statements;

ANALYZE;
