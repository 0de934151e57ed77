using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
