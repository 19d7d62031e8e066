using System.Collections;

namespace Turnos.Core;

/// <summary>
/// A read-only list equal to another list with the same items in the same order, so records holding one (an
/// understanding, a draft, an offered slot) stay equal by value: replays and "was this asked already?" compare them.
/// </summary>
public sealed class ValueList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<IReadOnlyList<T>>
{
    private readonly T[] _items = [.. items];

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(IReadOnlyList<T>? other) => other is not null && _items.SequenceEqual(other);

    public override bool Equals(object? obj) => obj is IReadOnlyList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _items);
}

public static class ValueList
{
    public static ValueList<T> Of<T>(IEnumerable<T> items) => items as ValueList<T> ?? new ValueList<T>(items);
}
