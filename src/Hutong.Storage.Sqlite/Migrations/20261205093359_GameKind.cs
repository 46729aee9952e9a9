using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GameKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open_data_sha",
                table: "mp_versions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "mini_programs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "miniProgram");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "open_data_sha",
                table: "mp_versions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "mini_programs");
        }
    }
}
