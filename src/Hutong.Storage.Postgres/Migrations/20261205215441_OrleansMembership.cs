using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hutong.Storage.Postgres.Migrations
{
    /// <summary>
    /// Orleans cluster membership in the node's own database (Microsoft.Orleans.Clustering.AdoNet): which nodes are
    /// in the cluster, under an optimistic table version. The provider runs only the queries it finds in
    /// <c>OrleansQuery</c> (a name it fixes), by key, with its parameter names, reading result columns by name; each
    /// insert or update checks and bumps the table version in one statement, so two nodes changing membership at once
    /// cannot both win. Not in the EF model: the provider owns these rows.
    /// </summary>
    public partial class OrleansMembership : Migration
    {
        private const string Member = """
            v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
            m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
            m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
            """;

        private const string ThisMember = """
            deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """;

        private static readonly (string Key, string Query)[] Queries =
        [
            ("InsertMembershipVersionKey", """
                WITH inserted AS (
                    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                    ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
                SELECT count(*) FROM inserted
                """),
            ("InsertMembershipKey", $"""
                WITH bumped AS (
                    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                    WHERE deployment_id = @DeploymentId AND version = @Version
                        AND NOT EXISTS (SELECT 1 FROM orleans_members WHERE {ThisMember})
                    RETURNING deployment_id),
                inserted AS (
                    INSERT INTO orleans_members (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
                    RETURNING 1)
                SELECT count(*) FROM inserted
                """),
            ("UpdateMembershipKey", $"""
                WITH bumped AS (
                    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                    WHERE deployment_id = @DeploymentId AND version = @Version
                        AND EXISTS (SELECT 1 FROM orleans_members WHERE {ThisMember})
                    RETURNING deployment_id),
                updated AS (
                    UPDATE orleans_members m SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                    FROM bumped
                    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                    RETURNING 1)
                SELECT count(*) FROM updated
                """),
            ("UpdateIAmAlivetimeKey", $"""
                UPDATE orleans_members SET i_am_alive_time = @IAmAliveTime WHERE {ThisMember}
                """),
            ("MembershipReadRowKey", $"""
                SELECT {Member}
                FROM orleans_membership_version v
                LEFT JOIN orleans_members m ON m.deployment_id = v.deployment_id
                    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                WHERE v.deployment_id = @DeploymentId
                """),
            ("MembershipReadAllKey", $"""
                SELECT {Member}
                FROM orleans_membership_version v
                LEFT JOIN orleans_members m ON m.deployment_id = v.deployment_id
                WHERE v.deployment_id = @DeploymentId
                """),
            ("GatewaysQueryKey", """
                SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
                FROM orleans_members
                WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
                """),
            ("DeleteMembershipTableEntriesKey", """
                DELETE FROM orleans_members WHERE deployment_id = @DeploymentId;
                DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
                """),
            // Only rows of nodes declared dead (status 6) that stopped beating long ago.
            ("CleanupDefunctSiloEntriesKey", """
                DELETE FROM orleans_members WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
                """),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE OrleansQuery (
                    QueryKey varchar(64) PRIMARY KEY,
                    QueryText text NOT NULL);

                CREATE TABLE orleans_membership_version (
                    deployment_id varchar(150) PRIMARY KEY,
                    version integer NOT NULL DEFAULT 0,
                    changed_at timestamptz NOT NULL DEFAULT now());

                CREATE TABLE orleans_members (
                    deployment_id varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id),
                    address varchar(45) NOT NULL,
                    port integer NOT NULL,
                    generation integer NOT NULL,
                    silo_name varchar(150) NOT NULL,
                    host_name varchar(150) NOT NULL,
                    status integer NOT NULL,
                    proxy_port integer,
                    suspect_times text,
                    start_time timestamptz NOT NULL,
                    i_am_alive_time timestamptz NOT NULL,
                    PRIMARY KEY (deployment_id, address, port, generation));
                """);
            foreach (var (key, query) in Queries)
            {
                migrationBuilder.InsertData("orleansquery", ["querykey", "querytext"], ["varchar(64)", "text"], [key, query]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE orleans_members; DROP TABLE orleans_membership_version; DROP TABLE OrleansQuery;");
        }
    }
}
