using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PrepayLifetime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "prepay_issued_at",
                table: "merchant_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Orders made before each had the prepay id they were made with.
            migrationBuilder.Sql("UPDATE merchant_orders SET prepay_issued_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "prepay_issued_at",
                table: "merchant_orders");
        }
    }
}
