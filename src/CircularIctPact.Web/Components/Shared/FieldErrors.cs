using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>Messages of broken rules per form field, so each input can show its own next to it.</summary>
public sealed class FieldErrors
{
    /// <summary>Where a message that names no field is kept.</summary>
    public static readonly FormField General = new(string.Empty);

    private readonly Dictionary<FormField, string> _messages = [];

    public bool Any => _messages.Count > 0;

    /// <summary>Every message with its field, in the order the rules were found broken.</summary>
    public IEnumerable<KeyValuePair<FormField, string>> All => _messages;

    /// <summary>Counts the changes, so a summary knows when a new submit brought new messages.</summary>
    public int Revision { get; private set; }

    /// <summary>The element id of <paramref name="field"/>'s input, which the error summary links to.</summary>
    public static string InputId(FormField field) =>
        "field-" + string.Concat(field.Key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    public bool Has(FormField field) => _messages.ContainsKey(field);

    public string? For(FormField field) => _messages.GetValueOrDefault(field);

    /// <summary>A message that belongs to no shown field (or to a field the form does not have).</summary>
    public string? Unplaced(params FormField[] shownFields) =>
        _messages.Where(pair => !shownFields.Contains(pair.Key)).Select(pair => pair.Value).FirstOrDefault();

    /// <summary>Every broken rule of <paramref name="exception"/> in the person's language, the first one per field.</summary>
    public void Add(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var violation in exception.Violations)
        {
            _messages.TryAdd(violation.Field ?? General, DomainMessageText.Of(violation));
        }

        Revision++;
    }

    public void Add(FormField field, string message)
    {
        _messages[field] = message;
        Revision++;
    }

    public void Clear()
    {
        _messages.Clear();
        Revision++;
    }

    /// <summary>
    /// aria-invalid and aria-describedby for the input of <paramref name="field"/> on a posted form, naming the element
    /// <see cref="Message"/> renders under <paramref name="messageId"/>; null when the field is fine.
    /// </summary>
    public Dictionary<string, object>? Describe(FormField field, string messageId) =>
        Has(field) ? new() { ["aria-invalid"] = "true", ["aria-describedby"] = messageId } : null;

    /// <summary>
    /// A field's message beside its input on a posted form, under <paramref name="messageId"/>; nothing without a message.
    /// </summary>
    public static RenderFragment Message(string messageId, string? message) => builder =>
    {
        if (message is not null)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "id", messageId);
            builder.AddAttribute(2, "class", "validation-message");
            builder.AddAttribute(3, "data-testid", "field-error");
            builder.AddContent(4, message);
            builder.CloseElement();
        }
    };
}
