namespace NetTerm.Core.Terminal;

/// <summary>
/// A growable deque over one array: O(1) push back / pop front, items addressed from the front. It grows by
/// doubling up to <see cref="MaxCapacity"/> and never beyond, so a full ring costs exactly its cap and a ring that
/// never fills costs at most twice what it holds. Callers evict before pushing into a full ring.
/// </summary>
internal sealed class RingBuffer<T>
{
    private T[] _items;
    private int _head;

    public RingBuffer(int maxCapacity, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCapacity, 1);
        MaxCapacity = maxCapacity;
        _items = new T[Math.Clamp(initialCapacity, 1, maxCapacity)];
    }

    public int Count { get; private set; }

    public int MaxCapacity { get; }

    public bool IsFull => Count == MaxCapacity;

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            var i = _head + index;
            if (i >= _items.Length)
                i -= _items.Length;
            return ref _items[i];
        }
    }

    public ref T First => ref this[0];

    public ref T Last => ref this[Count - 1];

    public void PushBack(T item)
    {
        if (Count == _items.Length)
            Grow();
        var i = _head + Count;
        if (i >= _items.Length)
            i -= _items.Length;
        _items[i] = item;
        Count++;
    }

    public T PopFront()
    {
        if (Count == 0)
            throw new InvalidOperationException("The ring is empty.");
        var item = _items[_head];
        _items[_head] = default!; // drop references so evicted blocks can be collected
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        Count--;
        return item;
    }

    public T PopBack()
    {
        if (Count == 0)
            throw new InvalidOperationException("The ring is empty.");
        ref var slot = ref this[Count - 1];
        var item = slot;
        slot = default!;
        Count--;
        return item;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        Count = 0;
    }

    private void Grow()
    {
        if (_items.Length == MaxCapacity)
            throw new InvalidOperationException("The ring is full; evict before pushing.");
        var next = new T[(int)Math.Min((long)_items.Length * 2, MaxCapacity)];
        var firstPart = Math.Min(Count, _items.Length - _head);
        Array.Copy(_items, _head, next, 0, firstPart);
        Array.Copy(_items, 0, next, firstPart, Count - firstPart);
        _items = next;
        _head = 0;
    }
}
