using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Sensact.Agent.Configuration;

/// <summary>
/// Checks a configuration section against the type it binds to, as the binder would see it: a
/// value must convert; keys must be properties (or list indexes, or dictionary keys); complex
/// properties are checked recursively.
/// </summary>
internal static class OptionsTypeCheck
{
    /// <summary>Adds to <paramref name="problems"/> one message for each key under <paramref name="section"/> that does not fit <paramref name="type"/>.</summary>
    public static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(problems);
        if (typeof(IConfiguration).IsAssignableFrom(type))
        {
            return; // the binder hands over the section itself: its keys are the property's business
        }

        if (ValueConversion.IsValue(type))
        {
            CheckValue(section, type, problems);
        }
        else if (DictionaryTypes(type) is var (keyType, valueType))
        {
            RefuseValue(section, problems);
            CheckDictionary(section, keyType, valueType, problems);
        }
        else if (ElementType(type) is { } elementType)
        {
            RefuseValue(section, problems);
            CheckList(section, elementType, problems);
        }
        else
        {
            RefuseValue(section, problems);
            CheckProperties(section, type, problems);
        }
    }

    /// <summary>Adds a problem when a section that holds keys was given a (non-empty) value, which the binder ignores.</summary>
    public static void RefuseValue(IConfigurationSection section, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        if (!string.IsNullOrEmpty(section.Value))
        {
            problems.Add($"{section.Path}: is a section, not a value (got '{section.Value}'); set the keys under it instead.");
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems)
    {
        if (section.Value is { } value && ValueConversion.Problem(type, value) is { } problem)
        {
            problems.Add($"{section.Path}: {problem}");
        }

        foreach (var child in section.GetChildren())
        {
            problems.Add($"{child.Path}: unknown key; {section.Path} takes a value, not keys.");
        }
    }

    private static void CheckProperties(IConfigurationSection section, Type type, List<string> problems)
    {
        var properties = Properties(type);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                Check(child, property.PropertyType, problems);
            }
            else
            {
                problems.Add($"{child.Path}: unknown key{KeySuggestion.DidYouMean(child, properties.Keys)}");
            }
        }
    }

    private static void CheckList(IConfigurationSection section, Type elementType, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{child.Path}: not a list index; the items of {section.Path} are numbered 0, 1, 2, ...");
                continue;
            }

            Check(child, elementType, problems);
        }
    }

    private static void CheckDictionary(IConfigurationSection section, Type keyType, Type valueType, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            if (ValueConversion.Problem(keyType, child.Key) is { } problem)
            {
                problems.Add($"{child.Path}: the key {problem}");
                continue;
            }

            Check(child, valueType, problems);
        }
    }

    // Public instance properties with a public getter, by configuration key (the binder honours ConfigurationKeyName).
    private static Dictionary<string, PropertyInfo> Properties(Type type)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
                properties.TryAdd(key, property);
            }
        }

        return properties;
    }

    private static (Type Key, Type Value)? DictionaryTypes(Type type) =>
        Enumerables(type)
            .Select(item => item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? item.GetGenericArguments() : null)
            .Where(arguments => arguments is not null)
            .Select(arguments => ((Type Key, Type Value)?)(arguments![0], arguments[1]))
            .FirstOrDefault();

    private static Type? ElementType(Type type) => type.IsArray ? type.GetElementType() : Enumerables(type).FirstOrDefault();

    // The T of every IEnumerable<T> the type is or implements.
    private static IEnumerable<Type> Enumerables(Type type) =>
        (type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
            .Where(item => item.IsGenericType && item.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(item => item.GetGenericArguments()[0]);
}
