namespace Turnos.Core.Businesses;

/// <summary>Everything the domain needs to know about one business at one moment.</summary>
public sealed class BusinessSnapshot(
    Business business,
    IReadOnlyList<Service> services,
    IReadOnlyList<Professional> professionals,
    IReadOnlyList<Block> blocks)
{
    public Business Business { get; } = business;
    public IReadOnlyList<Service> Services { get; } = services;
    public IReadOnlyList<Professional> Professionals { get; } = professionals;
    public IReadOnlyList<Block> Blocks { get; } = blocks;

    public Service? FindService(string id) => Services.FirstOrDefault(s => s.Id == id);

    public Professional? FindProfessional(string id) => Professionals.FirstOrDefault(p => p.Id == id);

    /// <summary>Professionals offering the service, in catalog order.</summary>
    public IReadOnlyList<Professional> ProfessionalsFor(string serviceId) =>
        Professionals.Where(p => p.ServiceIds.Contains(serviceId)).ToArray();
}
