namespace CircularIctPact.Bench;

internal static class Statistics
{
    /// <summary>Nearest-rank percentile of the samples (0 &lt; <paramref name="percent"/> ≤ 100).</summary>
    public static double Percentile(IReadOnlyList<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
