using System.Numerics;

namespace Retenza.Triage.Intents;

/// <summary>
/// The character n-grams of the vocabulary (3 to 5 characters), indexed by their characters packed into one
/// 64-bit key: 12 bits a character, so every gram of characters below U+1000 (Latin, Greek, Cyrillic, Hebrew,
/// Arabic…) has a key of its own and the lookup is exact, with no string hashing or comparing. Character
/// n-grams are nine lookups in ten of every text scored; a string dictionary spent most of the model's time on them.
/// Grams with a character at or above U+1000 are not packable and stay with the caller's dictionary.
/// </summary>
internal sealed class CharGramTable
{
    private const int BitsPerChar = 12;
    private const int MaxPackedChar = (1 << BitsPerChar) - 1;
    private const int LengthShift = 60;

    // Open addressing, linear probing, at most half full; key 0 marks an empty slot (no packed key is 0:
    // the length sits in the top bits).
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _shift;

    public CharGramTable(IReadOnlyList<string> grams, int offset)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, grams.Count * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _shift = 64 - BitOperations.Log2((uint)capacity);
        for (var i = 0; i < grams.Count; i++)
        {
            if (TryPack(grams[i], out var key))
            {
                Add(key, offset + i);
            }
        }
    }

    /// <summary>The packed key of <paramref name="gram"/>, or false when it is too long or holds a character above U+0FFF.</summary>
    public static bool TryPack(ReadOnlySpan<char> gram, out ulong key)
    {
        key = 0;
        if (gram.Length is 0 or > NgramVocabulary.MaxCharGram)
        {
            return false;
        }

        foreach (var c in gram)
        {
            if (c > MaxPackedChar)
            {
                return false;
            }

            key = (key << BitsPerChar) | c;
        }

        key |= (ulong)gram.Length << LengthShift;
        return true;
    }

    public bool TryGetValue(ulong key, out int index)
    {
        var mask = _keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var found = _keys[slot];
            if (found == key)
            {
                index = _values[slot];
                return true;
            }

            if (found == 0)
            {
                index = -1;
                return false;
            }
        }
    }

    private void Add(ulong key, int index)
    {
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & mask; // the vocabulary's dictionary has already refused duplicates
        }

        _keys[slot] = key;
        _values[slot] = index;
    }

    // Fibonacci hashing: the top bits of the product spread packed keys that differ only in their last character.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
