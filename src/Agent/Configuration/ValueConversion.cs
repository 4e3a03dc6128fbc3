using System.ComponentModel;
using System.Globalization;

namespace Sensact.Agent.Configuration;

/// <summary>
/// Converts configuration values the way Microsoft.Extensions.Configuration.Binder does: the type's
/// <see cref="TypeConverter"/> with the invariant culture, an empty value giving null for a nullable
/// type, base64 for <c>byte[]</c>, anything for <see cref="object"/>.
/// </summary>
internal static class ValueConversion
{
    /// <summary>Returns whether the binder sets <paramref name="type"/> from a value (rather than from child keys).</summary>
    public static bool IsValue(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(object) || target == typeof(byte[]) || TypeDescriptor.GetConverter(target).CanConvertFrom(typeof(string));
    }

    /// <summary>Returns why the binder would fail to convert <paramref name="value"/> to <paramref name="type"/>, or null if it would not.</summary>
    public static string? Problem(Type type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return value.Length == 0 ? null : Problem(underlying, value);
        }

        if (type == typeof(object))
        {
            return null;
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (converter.CanConvertFrom(typeof(string)))
        {
            try
            {
                _ = converter.ConvertFromInvariantString(value);
                return null;
            }
#pragma warning disable CA1031 // The binder turns any exception of a converter into a failure; so does this check.
            catch (Exception)
#pragma warning restore CA1031
            {
                return Invalid(type, value);
            }
        }

        return type == typeof(byte[]) && !Convert.TryFromBase64String(value, new byte[value.Length], out _)
            ? $"'{value}' is not valid base64."
            : null;
    }

    private static string Invalid(Type type, string value) => type.IsEnum
        ? string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a valid {type.Name} (one of: {string.Join(", ", Enum.GetNames(type))}).")
        : $"'{value}' is not a valid {type.Name}.";
}
