using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LoginFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_failures",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_login_failures", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_login_failures_since",
                table: "login_failures",
                column: "since");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "login_failures");
        }
    }
}
