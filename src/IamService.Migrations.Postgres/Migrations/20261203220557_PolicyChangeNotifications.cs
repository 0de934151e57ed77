using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamService.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Every change that can alter a decision sends a NOTIFY naming what it touched (user:ID, group:ID,
    /// role:ID, policy:ID, session:ID), so that every instance's cache of effective policies drops exactly those
    /// entries.
    /// Triggers catch every writer: EF Core, bulk updates, cascades and manual SQL alike.
    /// </summary>
    public partial class PolicyChangeNotifications : Migration
    {
        private static readonly (string Table, string Kind, string Column)[] Sources =
        [
            ("users", "user", "id"),
            ("user_tags", "user", "user_id"),
            ("user_inline_policies", "user", "user_id"),
            ("user_policy_attachments", "user", "user_id"),
            ("group_memberships", "user", "user_id"),
            ("groups", "group", "id"),
            ("group_inline_policies", "group", "group_id"),
            ("group_policy_attachments", "group", "group_id"),
            ("roles", "role", "id"),
            ("role_tags", "role", "role_id"),
            ("role_inline_policies", "role", "role_id"),
            ("role_policy_attachments", "role", "role_id"),
            ("managed_policies", "policy", "id"),
            ("managed_policy_versions", "policy", "policy_id"),
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Identical payloads within one transaction are delivered once, so a bulk change stays cheap.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION iam_notify_policy_change() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    new_id text;
                    old_id text;
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        new_id := to_jsonb(NEW) ->> TG_ARGV[1];
                        PERFORM pg_notify('iam_policy_changes', TG_ARGV[0] || ':' || trim(new_id));
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        old_id := to_jsonb(OLD) ->> TG_ARGV[1];
                        IF new_id IS DISTINCT FROM old_id THEN
                            PERFORM pg_notify('iam_policy_changes', TG_ARGV[0] || ':' || trim(old_id));
                        END IF;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var (table, kind, column) in Sources)
            {
                migrationBuilder.Sql(
                    $"""
                    CREATE TRIGGER {table}_notify_policy_change
                    AFTER INSERT OR UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION iam_notify_policy_change('{kind}', '{column}');
                    """);
            }

            // A session ends by update (sign-out, revocation) or delete; new sessions concern no cache.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER sessions_notify_policy_change
                AFTER UPDATE OR DELETE ON sessions
                FOR EACH ROW EXECUTE FUNCTION iam_notify_policy_change('session', 'id');
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER sessions_notify_policy_change ON sessions;");
            foreach (var (table, _, _) in Sources)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_notify_policy_change ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION iam_notify_policy_change();");
        }
    }
}
