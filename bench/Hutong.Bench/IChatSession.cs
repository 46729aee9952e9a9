namespace Hutong.Bench;

/// <summary>
/// One connected person in one conversation, as the generator sees any system: Hutong and the raw relay through the
/// gateway protocol, ejabberd through XMPP. Scenarios are written against this, so each system runs the same shape.
/// </summary>
internal interface IChatSession : IAsyncDisposable
{
    /// <summary>Sends a text to the conversation and returns once the server has taken it (its ack).</summary>
    Task SendAsync(string text, CancellationToken cancellationToken);

    /// <summary>Texts that others sent to the conversation, in arrival order; one's own echoes are left out.</summary>
    IAsyncEnumerable<string> ReceiveAsync(CancellationToken cancellationToken);
}

/// <summary>A system under test: its name in reports and its process's CPU and memory.</summary>
internal interface ITarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>CPU time used so far by the system's process and its peak resident memory.</summary>
    (TimeSpan Cpu, long PeakRssBytes) Sample();
}

/// <summary>A system reached over HTTP at one address: a node, the raw relay, or a balancer in front of several nodes.</summary>
internal interface IHttpTarget
{
    Uri BaseAddress { get; }
}
