using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>
/// Runs a page's use cases one at a time and turns their typed errors into what the page shows:
/// broken rules per field, the other person's version after a conflict, or a message.
/// </summary>
public sealed class PageOperation
{
    private object? _conflict;

    /// <summary>True while a use case runs, so the page can disable its buttons.</summary>
    public bool Busy { get; private set; }

    /// <summary>Why the caller may not do this, or that the record is gone, in the person's language; null when all went well.</summary>
    public string? Message { get; private set; }

    /// <summary>The broken rules of the last use case, per form field.</summary>
    public FieldErrors Errors { get; } = new();

    /// <summary>The record as someone else saved it, when the last save lost to theirs; null otherwise.</summary>
    /// <typeparam name="T">The details type the page shows.</typeparam>
    public T? Conflict<T>()
        where T : class => _conflict as T;

    /// <summary>Forgets the other person's version, once the page took it or moved on.</summary>
    public void ClearConflict() => _conflict = null;

    /// <summary>Runs <paramref name="action"/>, clearing the previous message and field errors first.</summary>
    /// <param name="action">The use case and whatever the page does after it succeeded.</param>
    /// <returns>True when the use case went through; false when it was refused, lost to another save or not allowed.</returns>
    public async Task<bool> RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Busy = true;
        Message = null;
        Errors.Clear();
        try
        {
            await action();
            return true;
        }
        catch (DomainException exception)
        {
            Errors.Add(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            _conflict = exception.Current;
        }
        catch (Exception exception) when (exception is ForbiddenException or NotFoundException)
        {
            Message = DomainMessageText.Of(exception);
        }
        finally
        {
            Busy = false;
        }

        return false;
    }
}
