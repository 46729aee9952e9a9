using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trigram full-text index over message text (CJK needs no word breaking), keyed by the message's rowid so
            // that a recall or delete removes its entry without a scan.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='', contentless_delete=1, tokenize='trigram');");
            migrationBuilder.Sql("INSERT INTO messages_fts(rowid, text) SELECT rowid, text FROM messages WHERE text IS NOT NULL;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.text IS NOT NULL BEGIN INSERT INTO messages_fts(rowid, text) VALUES (new.rowid, new.text); END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages WHEN old.text IS NOT NULL BEGIN DELETE FROM messages_fts WHERE rowid = old.rowid; END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_refill AFTER UPDATE OF text ON messages WHEN new.text IS NOT NULL BEGIN INSERT INTO messages_fts(rowid, text) VALUES (new.rowid, new.text); END;");
            migrationBuilder.Sql("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.text IS NOT NULL BEGIN DELETE FROM messages_fts WHERE rowid = old.rowid; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER messages_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER messages_fts_refill;");
            migrationBuilder.Sql("DROP TRIGGER messages_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER messages_fts_insert;");
            migrationBuilder.Sql("DROP TABLE messages_fts;");
        }
    }
}
