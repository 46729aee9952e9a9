namespace Hutong.Bench;

/// <summary>Latency samples in microseconds; percentiles are read once the run is over.</summary>
internal sealed class Latencies
{
    private readonly List<long> _samples = new(1 << 16);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _samples.Add((long)elapsed.TotalMicroseconds);
        }
    }

    /// <summary>Forgets the warm-up.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _samples.Clear();
        }
    }

    public LatencySummary Summarize()
    {
        lock (_lock)
        {
            if (_samples.Count == 0)
            {
                return new LatencySummary(0, 0, 0, 0);
            }

            _samples.Sort();
            double At(double q) => _samples[Math.Min(_samples.Count - 1, (int)(q * _samples.Count))] / 1000.0;
            return new LatencySummary(At(0.50), At(0.90), At(0.99), _samples[^1] / 1000.0);
        }
    }
}

/// <summary>Milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max);
