namespace CircularIctPact.Domain.Common;

/// <summary>A business rule was broken; the message is written for the person who tried.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, FormField? field = null)
        : base(message) => Field = field;

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The input field the rule concerns, when there is one, so a form can show the message beside it.</summary>
    public FormField? Field { get; }
}
