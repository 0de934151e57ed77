using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "managed_policies",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    update_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    default_version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    latest_version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    is_attachable = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_managed_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "group_inline_policies",
                columns: table => new
                {
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    group_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_inline_policies", x => new { x.group_id, x.normalized_name });
                    table.ForeignKey(
                        name: "fk_group_inline_policies_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_tags",
                columns: table => new
                {
                    normalized_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    group_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_tags", x => new { x.group_id, x.normalized_key });
                    table.ForeignKey(
                        name: "fk_group_tags_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_policy_attachments",
                columns: table => new
                {
                    group_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_policy_attachments", x => new { x.group_id, x.policy_id });
                    table.ForeignKey(
                        name: "fk_group_policy_attachments_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_policy_attachments_managed_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "managed_policy_tags",
                columns: table => new
                {
                    normalized_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_managed_policy_tags", x => new { x.policy_id, x.normalized_key });
                    table.ForeignKey(
                        name: "fk_managed_policy_tags_managed_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "managed_policy_versions",
                columns: table => new
                {
                    policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_managed_policy_versions", x => new { x.policy_id, x.version_number });
                    table.ForeignKey(
                        name: "fk_managed_policy_versions_managed_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    assume_role_policy_document = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    max_session_duration = table.Column<int>(type: "INTEGER", nullable: false),
                    permissions_boundary_policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                    table.CheckConstraint("ck_roles_max_session_duration", "max_session_duration BETWEEN 3600 AND 43200");
                    table.ForeignKey(
                        name: "fk_roles_managed_policies_permissions_boundary_policy_id",
                        column: x => x.permissions_boundary_policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    permissions_boundary_policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    create_date = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_managed_policies_permissions_boundary_policy_id",
                        column: x => x.permissions_boundary_policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_inline_policies",
                columns: table => new
                {
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    role_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_inline_policies", x => new { x.role_id, x.normalized_name });
                    table.ForeignKey(
                        name: "fk_role_inline_policies_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_policy_attachments",
                columns: table => new
                {
                    role_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_policy_attachments", x => new { x.role_id, x.policy_id });
                    table.ForeignKey(
                        name: "fk_role_policy_attachments_managed_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_role_policy_attachments_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_tags",
                columns: table => new
                {
                    normalized_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    role_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_tags", x => new { x.role_id, x.normalized_key });
                    table.ForeignKey(
                        name: "fk_role_tags_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_memberships",
                columns: table => new
                {
                    group_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_memberships", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_group_memberships_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_memberships_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_inline_policies",
                columns: table => new
                {
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_inline_policies", x => new { x.user_id, x.normalized_name });
                    table.ForeignKey(
                        name: "fk_user_inline_policies_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_policy_attachments",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_policy_attachments", x => new { x.user_id, x.policy_id });
                    table.ForeignKey(
                        name: "fk_user_policy_attachments_managed_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "managed_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_policy_attachments_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tags",
                columns: table => new
                {
                    normalized_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 21, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tags", x => new { x.user_id, x.normalized_key });
                    table.ForeignKey(
                        name: "fk_user_tags_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_memberships_user_id",
                table: "group_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_policy_attachments_policy_id",
                table: "group_policy_attachments",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_normalized_name",
                table: "groups",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_managed_policies_normalized_name",
                table: "managed_policies",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_policy_attachments_policy_id",
                table: "role_policy_attachments",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_roles_permissions_boundary_policy_id",
                table: "roles",
                column: "permissions_boundary_policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_policy_attachments_policy_id",
                table: "user_policy_attachments",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_name",
                table: "users",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_permissions_boundary_policy_id",
                table: "users",
                column: "permissions_boundary_policy_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_inline_policies");

            migrationBuilder.DropTable(
                name: "group_memberships");

            migrationBuilder.DropTable(
                name: "group_policy_attachments");

            migrationBuilder.DropTable(
                name: "group_tags");

            migrationBuilder.DropTable(
                name: "managed_policy_tags");

            migrationBuilder.DropTable(
                name: "managed_policy_versions");

            migrationBuilder.DropTable(
                name: "role_inline_policies");

            migrationBuilder.DropTable(
                name: "role_policy_attachments");

            migrationBuilder.DropTable(
                name: "role_tags");

            migrationBuilder.DropTable(
                name: "user_inline_policies");

            migrationBuilder.DropTable(
                name: "user_policy_attachments");

            migrationBuilder.DropTable(
                name: "user_tags");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "managed_policies");
        }
    }
}
