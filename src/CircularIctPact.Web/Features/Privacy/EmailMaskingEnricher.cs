using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// Masks e-mail addresses in every log property (request paths and query values included), so a
/// personal address never reaches the console or the log files even when a log line names one.
/// </summary>
public sealed partial class EmailMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(propertyFactory);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && EmailAddress().IsMatch(text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Mask(text))));
            }
        }
    }

    /// <summary>Keeps the first letter and the domain, e.g. "j***@example.org".</summary>
    public static string Mask(string text) =>
        EmailAddress().Replace(text, match => $"{match.Groups["first"].Value}***@{match.Groups["domain"].Value}");

    [GeneratedRegex(@"(?<first>[A-Za-z0-9])[A-Za-z0-9._%+\-]*(?:@|%40)(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex EmailAddress();
}
