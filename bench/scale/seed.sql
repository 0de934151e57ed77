-- Fills a migrated, empty PostgreSQL store with users, groups and managed policies, set-based and repeatable.
-- The sizes are settings, e.g. PGOPTIONS='-c iam_seed.users=100000 -c iam_seed.groups=10000
-- -c iam_seed.policies=10000' psql -f seed.sql, or SET iam_seed.users = '100000'; ... before it.
--   users     each in 1 to 5 groups, with 0 to 3 attached policies; 5% have a permissions boundary
--   groups    each with 1 to 5 attached policies; popular groups are much bigger (the pick is skewed)
--   policies  each with its default version v1
-- Rows go in in random order, so that neither names nor ids follow the physical order, as in a live store.
-- Pure SQL without psql commands, so that a test can run it through Npgsql too.

SELECT setseed(0.2026);

-- IAM-style ids: the kind's prefix, 12 base32 characters from a hash and 5 from the row number (unique).
CREATE FUNCTION pg_temp.base32(v bigint, width int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', ((v >> (5 * k)) & 31)::int + 1, 1), '' ORDER BY k DESC)
  FROM generate_series(0, width - 1) AS k
$$;

CREATE FUNCTION pg_temp.iam_id(prefix text, n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT prefix || pg_temp.base32(('x' || substr(md5(prefix || n), 1, 15))::bit(60)::bigint, 12)
    || pg_temp.base32(n, 5)
$$;

-- A date in the three years before 2026.
CREATE FUNCTION pg_temp.created() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$
  SELECT timestamptz '2023-01-01 00:00:00+00' + random() * interval '3 years'
$$;

CREATE TEMPORARY TABLE seed_policies AS
SELECT n, pg_temp.iam_id('ANPA', n) AS id,
       (ARRAY['ReadOnly', 'FullAccess', 'PowerUser', 'Deploy', 'Audit'])[1 + n % 5] AS verb,
       (ARRAY['S3', 'EC2', 'Lambda', 'DynamoDB', 'SQS', 'SNS', 'KMS', 'RDS', 'CloudWatch', 'Logs'])[1 + n / 5 % 10]
         AS service,
       random() AS r
FROM generate_series(1, current_setting('iam_seed.policies')::int) AS n;

CREATE TEMPORARY TABLE seed_groups AS
SELECT n, pg_temp.iam_id('AGPA', n) AS id,
       (ARRAY['Developers', 'Operators', 'Analysts', 'Auditors', 'Support', 'Finance', 'Sales', 'Admins'])[1 + n % 8]
         AS team,
       random() AS r, 1 + floor(random() * 5)::int AS policy_count
FROM generate_series(1, current_setting('iam_seed.groups')::int) AS n;

CREATE TEMPORARY TABLE seed_users AS
SELECT n, pg_temp.iam_id('AIDA', n) AS id,
       (ARRAY['amelia', 'noah', 'olivia', 'liam', 'emma', 'lucas', 'mia', 'hugo', 'zoe', 'ivan', 'sara', 'omar',
              'yuki', 'anna', 'paul', 'lea'])[1 + n % 16] AS first,
       (ARRAY['smith', 'martin', 'garcia', 'muller', 'rossi', 'tanaka', 'kowalski', 'dubois', 'silva', 'novak',
              'jensen', 'ivanova', 'haddad'])[1 + n / 16 % 13] AS last,
       random() AS r, 1 + floor(random() * 5)::int AS group_count, floor(random() * 4)::int AS policy_count
FROM generate_series(1, current_setting('iam_seed.users')::int) AS n;

INSERT INTO managed_policies (id, name, normalized_name, path, create_date, update_date, description,
                              default_version_number, latest_version_number, is_attachable)
SELECT id, name, upper(name), path, created, created, NULL, 1, 1, true
FROM (SELECT id, format('%s%s-%s', verb, service, n) AS name, pg_temp.created() AS created,
             CASE WHEN r < 0.7 THEN '/' WHEN r < 0.9 THEN '/service-role/' ELSE '/teams/' END AS path
      FROM seed_policies ORDER BY random()) AS p;

INSERT INTO managed_policy_versions (policy_id, version_number, document, create_date)
SELECT p.id, 1,
       format('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%s:Get*",'
              '"Resource":"arn:aws:%s:::resource-%s/*"}]}', lower(s.service), lower(s.service), s.n),
       p.create_date
FROM managed_policies AS p JOIN seed_policies AS s ON s.id = p.id;

INSERT INTO groups (id, name, normalized_name, path, create_date)
SELECT id, name, upper(name), path, pg_temp.created()
FROM (SELECT id, format('%s-%s', team, n) AS name,
             CASE WHEN r < 0.5 THEN '/' WHEN r < 0.8 THEN '/engineering/' WHEN r < 0.9 THEN '/sales/'
                  ELSE '/support/' END AS path
      FROM seed_groups ORDER BY random()) AS g;

-- Paths: 35% under /engineering/, a rare /audit/ (0.1%) to show a selective pathPrefix.
INSERT INTO users (id, name, normalized_name, path, create_date, permissions_boundary_policy_id)
SELECT id, name, upper(name), path, pg_temp.created(), boundary
FROM (SELECT u.id, format('%s.%s.%s', u.first, u.last, u.n) AS name,
             CASE WHEN u.r < 0.40 THEN '/' WHEN u.r < 0.65 THEN '/engineering/'
                  WHEN u.r < 0.75 THEN '/engineering/platform/' WHEN u.r < 0.85 THEN '/sales/'
                  WHEN u.r < 0.93 THEN '/support/' WHEN u.r < 0.999 THEN '/contractors/' ELSE '/audit/' END AS path,
             CASE WHEN random() < 0.05 THEN b.id END AS boundary
      FROM seed_users AS u
      JOIN seed_policies AS b ON b.n = 1 + u.n % current_setting('iam_seed.policies')::int
      ORDER BY random()) AS u;

-- random() squared favours low numbers: group 1 gets about 1% of all memberships, most groups a few dozen.
INSERT INTO group_memberships (group_id, user_id)
SELECT DISTINCT g.id, pick.user_id
FROM (SELECT u.id AS user_id, 1 + floor(random() ^ 2 * current_setting('iam_seed.groups')::int)::int AS n
      FROM seed_users AS u, generate_series(1, u.group_count) AS k) AS pick
JOIN seed_groups AS g ON g.n = pick.n;

INSERT INTO user_policy_attachments (user_id, policy_id)
SELECT DISTINCT pick.user_id, p.id
FROM (SELECT u.id AS user_id, 1 + floor(random() ^ 2 * current_setting('iam_seed.policies')::int)::int AS n
      FROM seed_users AS u, generate_series(1, u.policy_count) AS k) AS pick
JOIN seed_policies AS p ON p.n = pick.n;

INSERT INTO group_policy_attachments (group_id, policy_id)
SELECT DISTINCT pick.group_id, p.id
FROM (SELECT g.id AS group_id, 1 + floor(random() ^ 2 * current_setting('iam_seed.policies')::int)::int AS n
      FROM seed_groups AS g, generate_series(1, g.policy_count) AS k) AS pick
JOIN seed_policies AS p ON p.n = pick.n;

DROP TABLE seed_users, seed_groups, seed_policies;

ANALYZE;
