using Amazon.Runtime;
using Amazon.S3;

namespace Hutong.Testing;

/// <summary>
/// The S3-compatible server (s3rver, from tests/s3) that <c>scripts/test.sh</c> starts and names in
/// <c>HUTONG_TEST_S3</c>. Each test gets a bucket of its own. Without the server, S3 tests are skipped on a developer's
/// machine and fail in CI, like <see cref="TestPostgres"/>.
/// </summary>
public static class TestS3
{
    public const string Variable = "HUTONG_TEST_S3";

    /// <summary>s3rver's one account.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    public const string Region = "us-east-1";

    public static string? ServiceUrl => Environment.GetEnvironmentVariable(Variable);

    /// <summary>A new, empty bucket; its name.</summary>
    public static async Task<string> CreateBucketAsync(CancellationToken cancellationToken)
    {
        using var client = NewClient();
        var bucket = "hutong-" + Guid.NewGuid().ToString("N")[..12];
        await client.PutBucketAsync(bucket, cancellationToken);
        return bucket;
    }

    /// <summary>A node's settings for the S3 blob store on <paramref name="bucket"/>.</summary>
    public static Dictionary<string, string?> NodeSettings(string bucket) => new()
    {
        ["Hutong:Media:Store:Provider"] = "S3",
        ["Hutong:Media:Store:ServiceUrl"] = ServiceUrl,
        ["Hutong:Media:Store:Bucket"] = bucket,
        ["Hutong:Media:Store:Region"] = Region,
        ["Hutong:Media:Store:AccessKey"] = AccessKey,
        ["Hutong:Media:Store:SecretKey"] = SecretKey,
        ["Hutong:Media:Store:ForcePathStyle"] = "true",
    };

    /// <summary>A client of the test server, to look into a bucket past the store.</summary>
    public static AmazonS3Client NewClient()
    {
        var serviceUrl = ServiceUrl;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"CI is set but {Variable} is not: run the tests through scripts/test.sh.");
            }

            Assert.Skip($"No S3-compatible server: run scripts/test.sh, which starts one from tests/s3 and sets {Variable}.");
        }

        return new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }
}
