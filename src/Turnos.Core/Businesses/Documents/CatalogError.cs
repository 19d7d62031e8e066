namespace Turnos.Core.Businesses.Documents;

/// <summary>One problem in a catalog document. <see cref="Path"/> names the item and field, e.g.
/// <c>businesses[0] (demo).professionals[1] (lucia).hours.monday[0]</c>.</summary>
public sealed record CatalogError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of validating one business document.</summary>
public sealed record CatalogValidation(BusinessSnapshot? Snapshot, IReadOnlyList<CatalogError> Errors)
{
    public bool IsValid => Snapshot is not null && Errors.Count == 0;
}
