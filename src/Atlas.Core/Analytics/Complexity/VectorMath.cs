using System.Numerics;

namespace Atlas.Analytics.Complexity;

/// <summary>The few vector operations the hot loops need, with SIMD where the machine has it.</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            acc += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
        var sum = Vector.Sum(acc);
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += x.</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            (new Vector<double>(y[i..]) + new Vector<double>(x[i..])).CopyTo(y[i..]);
        for (; i < x.Length; i++) y[i] += x[i];
    }

    /// <summary>y += a x.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var va = new Vector<double>(a);
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            (new Vector<double>(y[i..]) + va * new Vector<double>(x[i..])).CopyTo(y[i..]);
        for (; i < x.Length; i++) y[i] += a * x[i];
    }
}
