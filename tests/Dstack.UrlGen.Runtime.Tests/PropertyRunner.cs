using System.Text;
using CsCheck;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// Runs a property over inputs drawn from a CsCheck generator with a fixed seed, one after the other, so every run
/// checks the same inputs. (CsCheck's own <c>Sample</c> fixes only its first input and draws the rest at random.)
/// A failure names the input and the seed that regenerates it; CsCheck then shrinks from there.
/// </summary>
internal static class PropertyRunner
{
    public const int Iterations = 10_000;

    /// <summary>Checks <paramref name="property"/> for <paramref name="iterations"/> inputs; returns how many it was given.</summary>
    public static int ForAll<T>(Gen<T> gen, ulong seed, Action<T> property, int iterations = Iterations)
    {
        var pcg = new PCG(stream: 1, seed);
        for (int i = 0; i < iterations; i++)
        {
            ulong state = pcg.State;
            T value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception ex)
            {
                string reproduce = pcg.ToString(state);
                throw new PropertyFailedException(
                    $"Property failed for input #{i}: {Show(value)}\nRegenerate it with seed \"{reproduce}\". {Shrink(gen, property, reproduce)}",
                    ex);
            }
        }

        return iterations;
    }

    /// <summary>A value as C# would write it: strings quoted, control and non-ASCII characters escaped.</summary>
    public static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => Escape(s),
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Show(tuple[i]))) + ")",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || c > 0x7E => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string Shrink<T>(Gen<T> gen, Action<T> property, string seed)
    {
        try
        {
            gen.Sample(property, seed: seed, iter: 2_000, threads: 1, print: Show);
            return "CsCheck did not reproduce it.";
        }
        catch (CsCheckException shrunk)
        {
            return "CsCheck shrinks it to: " + shrunk.Message;
        }
    }

    private sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
}
