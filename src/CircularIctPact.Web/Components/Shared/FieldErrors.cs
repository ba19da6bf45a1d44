using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>Messages of broken rules per form field, so each input can show its own next to it.</summary>
public sealed class FieldErrors
{
    public const string General = "";

    private readonly Dictionary<string, string> _messages = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _messages.Count > 0;

    public bool Has(string field) => _messages.ContainsKey(field);

    public string? For(string field) => _messages.GetValueOrDefault(field);

    /// <summary>A message that belongs to no shown field (or to a field the form does not have).</summary>
    public string? Unplaced(params string[] shownFields) =>
        _messages.Where(pair => !shownFields.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)).Select(pair => pair.Value).FirstOrDefault();

    public void Add(DomainException exception) => _messages[exception.Field ?? General] = exception.Message;

    public void Add(string field, string message) => _messages[field] = message;

    public void Clear() => _messages.Clear();
}
