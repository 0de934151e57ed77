using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamService.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    key = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    alias = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    create_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.key);
                    table.CheckConstraint("ck_accounts_singleton", "key = 1");
                });

            migrationBuilder.CreateTable(
                name: "root_users",
                columns: table => new
                {
                    account_key = table.Column<int>(type: "integer", nullable: false),
                    password_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    password_last_changed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_root_users", x => x.account_key);
                    table.ForeignKey(
                        name: "fk_root_users_accounts_account_key",
                        column: x => x.account_key,
                        principalTable: "accounts",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_account_id",
                table: "accounts",
                column: "account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_alias",
                table: "accounts",
                column: "alias",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "root_users");

            migrationBuilder.DropTable(
                name: "accounts");
        }
    }
}
