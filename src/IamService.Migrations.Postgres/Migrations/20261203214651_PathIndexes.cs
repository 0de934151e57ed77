using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamService.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "users",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "roles",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "managed_policies",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "groups",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.CreateIndex(
                name: "ix_users_path",
                table: "users",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_roles_path",
                table: "roles",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_managed_policies_path",
                table: "managed_policies",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_groups_path",
                table: "groups",
                column: "path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_path",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_roles_path",
                table: "roles");

            migrationBuilder.DropIndex(
                name: "ix_managed_policies_path",
                table: "managed_policies");

            migrationBuilder.DropIndex(
                name: "ix_groups_path",
                table: "groups");

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "users",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "roles",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "managed_policies",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "path",
                table: "groups",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldCollation: "C");
        }
    }
}
