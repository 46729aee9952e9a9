using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficialAccountReportReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dismissed_at",
                table: "oa_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_oa_reports_account_id_at_reporter_id",
                table: "oa_reports",
                columns: new[] { "account_id", "at", "reporter_id" },
                filter: "dismissed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oa_reports_account_id_at_reporter_id",
                table: "oa_reports");

            migrationBuilder.DropColumn(
                name: "dismissed_at",
                table: "oa_reports");
        }
    }
}
