using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TransfersNamedByNode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_transfers_receiver_id_transfer_id",
                table: "person_transfers");

            migrationBuilder.CreateIndex(
                name: "IX_person_transfers_receiver_id",
                table: "person_transfers",
                column: "receiver_id");

            // Chats named a transfer by its sender's own id, which another sender could pick too; they now name it by
            // the node's id. The transfer's message and its outcome notice are keyed by that id already.
            migrationBuilder.Sql("""
                UPDATE messages m SET money_ref = t.id::text FROM person_transfers t
                WHERE m.kind = 8 AND m.client_msg_id = 'transfer:' || replace(t.id::text, '-', '');
                UPDATE messages m SET notice_text = t.id::text FROM person_transfers t
                WHERE m.client_msg_id = 'transfer-outcome:' || replace(t.id::text, '-', '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_transfers_receiver_id",
                table: "person_transfers");

            migrationBuilder.CreateIndex(
                name: "IX_person_transfers_receiver_id_transfer_id",
                table: "person_transfers",
                columns: new[] { "receiver_id", "transfer_id" });
        }
    }
}
