using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IamService.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Credentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "require_mfa",
                table: "accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "access_keys",
                columns: table => new
                {
                    access_key_id = table.Column<string>(type: "character(20)", fixedLength: true, maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "character(21)", fixedLength: true, maxLength: 21, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_keys", x => x.access_key_id);
                    table.ForeignKey(
                        name: "fk_access_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "login_profiles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character(21)", fixedLength: true, maxLength: 21, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    password_last_changed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    password_reset_required = table.Column<bool>(type: "boolean", nullable: false),
                    password_last_used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_profiles", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_login_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mfa_devices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    protected_seed = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enable_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_time_step = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mfa_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "password_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "password_policies",
                columns: table => new
                {
                    account_key = table.Column<int>(type: "integer", nullable: false),
                    minimum_password_length = table.Column<int>(type: "integer", nullable: false),
                    require_symbols = table.Column<bool>(type: "boolean", nullable: false),
                    require_numbers = table.Column<bool>(type: "boolean", nullable: false),
                    require_uppercase_characters = table.Column<bool>(type: "boolean", nullable: false),
                    require_lowercase_characters = table.Column<bool>(type: "boolean", nullable: false),
                    allow_users_to_change_password = table.Column<bool>(type: "boolean", nullable: false),
                    max_password_age = table.Column<int>(type: "integer", nullable: true),
                    password_reuse_prevention = table.Column<int>(type: "integer", nullable: true),
                    hard_expiry = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_policies", x => x.account_key);
                    table.ForeignKey(
                        name: "fk_password_policies_accounts_account_key",
                        column: x => x.account_key,
                        principalTable: "accounts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    principal_arn = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    source_principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: true),
                    source_access_key_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    role_session_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    session_policy = table.Column<string>(type: "text", nullable: true),
                    auth_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mfa_auth_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source_ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_challenges",
                columns: table => new
                {
                    challenge_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    user_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    password_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_challenges", x => x.challenge_hash);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    principal_id = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: true),
                    step = table.Column<int>(type: "integer", nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    source_ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    protected_private_key = table.Column<string>(type: "text", nullable: false),
                    public_jwk = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retire_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expire_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_keys_user_id",
                table: "access_keys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_mfa_devices_normalized_name",
                table: "mfa_devices",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mfa_devices_principal_id",
                table: "mfa_devices",
                column: "principal_id");

            migrationBuilder.CreateIndex(
                name: "ix_password_history_principal_id_retired_at",
                table: "password_history",
                columns: new[] { "principal_id", "retired_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_principal_id",
                table: "sessions",
                column: "principal_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_source_access_key_id",
                table: "sessions",
                column: "source_access_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_source_principal_id",
                table: "sessions",
                column: "source_principal_id");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_events_principal_id_occurred_at",
                table: "sign_in_events",
                columns: new[] { "principal_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_keys");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "login_profiles");

            migrationBuilder.DropTable(
                name: "mfa_devices");

            migrationBuilder.DropTable(
                name: "password_history");

            migrationBuilder.DropTable(
                name: "password_policies");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "sign_in_challenges");

            migrationBuilder.DropTable(
                name: "sign_in_events");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropColumn(
                name: "require_mfa",
                table: "accounts");
        }
    }
}
