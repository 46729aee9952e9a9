using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Hutong.Contracts;

namespace Hutong.Web.Tests.Testing;

/// <summary>Stands in for the server: records every request and answers from a table, 404 for anything else.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<Task<HttpResponseMessage>>> _answers = new(StringComparer.Ordinal);

    /// <summary>"GET api/v1/me" and the like, in the order they came.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The JSON bodies sent, by request ("POST api/v1/transfers"), in the order they came.</summary>
    public List<(string Request, string Body)> Bodies { get; } = [];

    public RecordingHandler Answer(HttpMethod method, string path, Func<HttpResponseMessage> respond) =>
        AnswerLater(method, path, () => Task.FromResult(respond()));

    /// <summary>Answers when the task completes: for answers that must arrive in another order than they were asked.</summary>
    public RecordingHandler AnswerLater(HttpMethod method, string path, Func<Task<HttpResponseMessage>> respond)
    {
        _answers[$"{method} {path}"] = respond;
        return this;
    }

    public static HttpResponseMessage Json<T>(T body, JsonTypeInfo<T> type, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = JsonContent.Create(body, type) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string code, string? detail = null, int? retryAfter = null) =>
        Problem(new ProblemBody(null, code, (int)status, detail, code, null, retryAfter));

    /// <summary>A problem as the server writes it: <c>retryAfter</c> is sent as the <c>Retry-After</c> header too.</summary>
    public static HttpResponseMessage Problem(ProblemBody problem)
    {
        var response = new HttpResponseMessage((HttpStatusCode)problem.Status!.Value)
        {
            Content = JsonContent.Create(problem, HutongJsonContext.Default.ProblemBody, new System.Net.Http.Headers.MediaTypeHeaderValue("application/problem+json")),
        };
        if (problem.RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method} {request.RequestUri!.PathAndQuery.TrimStart('/')}";
        Requests.Add(key);
        if (request.Content is not null)
        {
            Bodies.Add((key, await request.Content.ReadAsStringAsync(cancellationToken)));
        }

        return _answers.TryGetValue(key, out var respond) ? await respond() : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
