using System;
using System.Threading;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>
/// A small lock-free pool, one per compilation context (never static): rules run on every concatenation of a
/// compilation, and a fresh list each time showed up as garbage-collection pauses in their measured time.
/// </summary>
internal sealed class ObjectPool<T>
    where T : class
{
    private readonly T?[] _items;
    private readonly Func<T> _create;

    public ObjectPool(Func<T> create, int size = 8)
    {
        _create = create;
        _items = new T?[size];
    }

    public T Rent()
    {
        for (int i = 0; i < _items.Length; i++)
        {
            T? item = _items[i];
            if (item is not null && Interlocked.CompareExchange(ref _items[i], null, item) == item)
            {
                return item;
            }
        }

        return _create();
    }

    public void Return(T item)
    {
        for (int i = 0; i < _items.Length; i++)
        {
            if (_items[i] is null && Interlocked.CompareExchange(ref _items[i], item, null) is null)
            {
                return;
            }
        }
    }
}
