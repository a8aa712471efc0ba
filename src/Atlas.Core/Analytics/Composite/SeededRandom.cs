namespace Atlas.Analytics.Composite;

/// <summary>
/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64) whose output depends only on the seed
/// and the stream number — not on the .NET version, the machine or how work is split between threads. Every Monte
/// Carlo replication draws from its own stream, so the same seed always gives the same results.
/// </summary>
public struct SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The generator of stream <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static SeededRandom ForStream(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
        var r = new SeededRandom { _s0 = SplitMix(ref x), _s1 = SplitMix(ref x), _s2 = SplitMix(ref x), _s3 = SplitMix(ref x) };
        return r;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform number in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform whole number in [0, n).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
