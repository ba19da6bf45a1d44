using System.Linq.Expressions;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// A feature's personal-data contributor and the columns naming a person that it exports and forgets
/// (<c>Entity.Property</c>). The privacy guard test compares these columns with the model.
/// </summary>
public sealed record PersonalDataRegistration(Type Contributor, IReadOnlyList<string> Columns)
{
    /// <summary>
    /// Starts a registration for <typeparamref name="TContributor"/>; add its columns with <see cref="Covers{TEntity}"/>.
    /// </summary>
    public static PersonalDataRegistration By<TContributor>()
        where TContributor : class, IPersonalDataContributor => new(typeof(TContributor), []);

    /// <summary>Adds a column of <typeparamref name="TEntity"/> that this contributor handles.</summary>
    public PersonalDataRegistration Covers<TEntity>(Expression<Func<TEntity, object?>> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var body = column.Body is UnaryExpression { NodeType: ExpressionType.Convert } conversion ? conversion.Operand : column.Body;
        var member = body as MemberExpression
            ?? throw new ArgumentException("Name a property, e.g. tender => tender.CreatedByUserId.", nameof(column));
        return this with { Columns = [.. Columns, $"{typeof(TEntity).Name}.{member.Member.Name}"] };
    }
}
