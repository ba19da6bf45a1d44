using System.Linq.Expressions;
using System.Reflection;
using CircularIctPact.Infrastructure.Persistence;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// A feature's part of the GDPR self-service. Every feature that stores something about a person
/// (their id, e-mail, name or texts they wrote) registers one
/// in its feature's <see cref="Common.IPortalFeature.PersonalData"/>; the export and the account
/// deletion call all of them, inside one transaction for the deletion.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>The name of this feature's section in the exported JSON, e.g. "savedShortlists".</summary>
    string Section { get; }

    /// <summary>Everything this feature holds about the person, as a JSON-serialisable object; null when nothing.</summary>
    Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the person's data, or, where records others rely on must stay (organisation records,
    /// the audit trail), replaces what identifies the person with <see cref="PersonalDataSubject.Pseudonym"/>.
    /// Runs before the account itself is anonymised; do not call SaveChanges for tracked changes only,
    /// the service saves once at the end (bulk ExecuteUpdate/ExecuteDelete join the same transaction).
    /// </summary>
    Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken);
}

/// <summary>The person whose data is exported or forgotten.</summary>
/// <param name="UserId">Their account id.</param>
/// <param name="Email">Their sign-in e-mail address, to find records that name them by address only.</param>
/// <param name="DisplayName">The name other members saw.</param>
/// <param name="Pseudonym">What stays in records others rely on, e.g. "former user 7f3a9c2e".</param>
public sealed record PersonalDataSubject(Guid UserId, string Email, string DisplayName, string Pseudonym)
{
    private static readonly MethodInfo StringReplace = typeof(string).GetMethod(nameof(string.Replace), [typeof(string), typeof(string)])!;

    /// <summary>An address that cannot receive mail, for e-mail columns that must keep a value.</summary>
    public string PseudonymousEmail => $"{Pseudonym.Replace(' ', '-')}@removed.invalid";

    /// <summary>The address as people usually type it.</summary>
    public string LowerCaseEmail => Email.ToLowerInvariant();

    /// <summary>
    /// <paramref name="address"/> when it is the person's own, otherwise masked (<c>j…@gemeente.example</c>): an export holds
    /// the person's own data, and another person's address in it (a case's contact, someone named in a text) is not theirs.
    /// </summary>
    public string? OwnOrMasked(string? address) =>
        address is null || string.Equals(address, Email, StringComparison.OrdinalIgnoreCase) ? address : Masked(address);

    /// <summary>The first character of the address's name, an ellipsis and its domain: the organisation stays readable.</summary>
    public static string Masked(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at <= 0 ? "…" : string.Concat(address.AsSpan(0, 1), "…", address.AsSpan(at));
    }

    /// <summary>
    /// For <c>ExecuteUpdate</c>: the text column with the person's address (as stored and in lower case) replaced by
    /// <see cref="PseudonymousEmail"/> and their name by <see cref="Pseudonym"/>, all as query parameters.
    /// </summary>
    public Expression<Func<TEntity, string>> WithoutIdentity<TEntity>(Expression<Func<TEntity, string>> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var subject = Expression.Constant(this);
        Expression Value(string property) => Expression.Property(subject, property);
        var replaced = Expression.Call(
            Expression.Call(
                Expression.Call(text.Body, StringReplace, Value(nameof(Email)), Value(nameof(PseudonymousEmail))),
                StringReplace, Value(nameof(LowerCaseEmail)), Value(nameof(PseudonymousEmail))),
            StringReplace, Value(nameof(DisplayName)), Value(nameof(Pseudonym)));
        return Expression.Lambda<Func<TEntity, string>>(replaced, text.Parameters);
    }
}
