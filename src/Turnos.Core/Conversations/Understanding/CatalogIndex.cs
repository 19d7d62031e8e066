using System.Runtime.CompilerServices;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>A business's catalog prepared for matching, built once per snapshot (snapshots are immutable).</summary>
internal sealed class CatalogIndex(BusinessSnapshot business)
{
    private static readonly ConditionalWeakTable<BusinessSnapshot, CatalogIndex> Cache = new();

    public ServiceMatcher Services { get; } = new(business);
    public ProfessionalMatcher Professionals { get; } = new(business);

    public static CatalogIndex For(BusinessSnapshot business) => Cache.GetValue(business, b => new CatalogIndex(b));
}
