using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VideoProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duration_ms",
                table: "media",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "height",
                table: "media",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "poster_id",
                table: "media",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "width",
                table: "media",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_media_poster_id",
                table: "media",
                column: "poster_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_media_poster_id",
                table: "media");

            migrationBuilder.DropColumn(
                name: "duration_ms",
                table: "media");

            migrationBuilder.DropColumn(
                name: "height",
                table: "media");

            migrationBuilder.DropColumn(
                name: "poster_id",
                table: "media");

            migrationBuilder.DropColumn(
                name: "width",
                table: "media");
        }
    }
}
