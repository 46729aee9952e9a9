using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
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
                UPDATE messages SET money_ref = (SELECT lower(t.id) FROM person_transfers t WHERE messages.client_msg_id = 'transfer:' || lower(replace(t.id, '-', '')))
                WHERE kind = 8 AND EXISTS (SELECT 1 FROM person_transfers t WHERE messages.client_msg_id = 'transfer:' || lower(replace(t.id, '-', '')));
                UPDATE messages SET notice_text = (SELECT lower(t.id) FROM person_transfers t WHERE messages.client_msg_id = 'transfer-outcome:' || lower(replace(t.id, '-', '')))
                WHERE client_msg_id LIKE 'transfer-outcome:%' AND EXISTS (SELECT 1 FROM person_transfers t WHERE messages.client_msg_id = 'transfer-outcome:' || lower(replace(t.id, '-', '')));
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
