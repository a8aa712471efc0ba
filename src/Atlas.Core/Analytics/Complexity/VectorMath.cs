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

    /// <summary>y += a x.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var va = new Vector<double>(a);
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            (new Vector<double>(y[i..]) + va * new Vector<double>(x[i..])).CopyTo(y[i..]);
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>y1 += a1 x and y2 += a2 x, reading x once.</summary>
    public static void AddTwice(ReadOnlySpan<double> x, double a1, Span<double> y1, double a2, Span<double> y2)
    {
        Vector<double> v1 = new(a1), v2 = new(a2);
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var vx = new Vector<double>(x[i..]);
            (new Vector<double>(y1[i..]) + v1 * vx).CopyTo(y1[i..]);
            (new Vector<double>(y2[i..]) + v2 * vx).CopyTo(y2[i..]);
        }
        for (; i < x.Length; i++)
        {
            y1[i] += a1 * x[i];
            y2[i] += a2 * x[i];
        }
    }
}
