namespace ServicePolicy.Input;

using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using ServicePolicy.Values;

/// <summary>
/// Field accessors for plain C# objects, compiled once per (type, path) into delegates with
/// expression trees and cached for the life of the process. Member names match case-insensitively
/// (customer.tier reads Customer.Tier); a dotted path also matches a member named by its parts
/// run together (complaint.id reads ComplaintId). Values of value types are not boxed.
/// </summary>
internal static class PocoAccessors
{
    private static readonly ConcurrentDictionary<(Type Type, string Path), Func<object, FieldValue>> Cache = new();
    private static readonly Func<object, FieldValue> AlwaysMissing = static _ => FieldValue.Missing;

    public static Func<object, FieldValue> Get(Type type, FieldPath path, int start) =>
        Cache.GetOrAdd((type, path.Suffixes[start]), static (key, state) => Compile(key.Type, state.path.Segments.Skip(state.start).ToArray()), (path, start));

    private static Func<object, FieldValue> Compile(Type type, string[] segments)
    {
        try
        {
            var input = Expression.Parameter(typeof(object), "input");
            var body = Access(Expression.Convert(input, type), type, segments, 0);
            return Expression.Lambda<Func<object, FieldValue>>(body, input).Compile();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // A member shape expression trees cannot express (a by-ref property, a pointer): treat as absent.
            return AlwaysMissing;
        }
    }

    private static Expression Access(Expression instance, Type type, string[] segments, int index)
    {
        if (index == segments.Length)
        {
            return ToFieldValue(instance, type);
        }

        if (InputWalker.IsDynamicContainer(type))
        {
            var rest = new FieldPath(string.Join(".", segments, index, segments.Length - index));
            return Expression.Call(
                typeof(InputWalker).GetMethod(nameof(InputWalker.Walk))!,
                Expression.Convert(instance, typeof(object)),
                Expression.Constant(rest),
                Expression.Constant(0));
        }

        var next = index + 1;
        var member = FindMember(type, segments[index]);
        if (member == null && segments.Length - index > 1)
        {
            member = FindMember(type, string.Concat(segments.Skip(index)));
            next = segments.Length;
        }

        if (member == null)
        {
            return Expression.Constant(FieldValue.Missing);
        }

        var access = Expression.MakeMemberAccess(instance, member);
        var memberType = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
        if (next == segments.Length)
        {
            return ToFieldValue(access, memberType);
        }

        if (memberType.IsValueType && Nullable.GetUnderlyingType(memberType) == null)
        {
            return Access(access, memberType, segments, next);
        }

        var temporary = Expression.Variable(memberType, "node");
        var underlying = Nullable.GetUnderlyingType(memberType);
        Expression inner = underlying != null
            ? Access(Expression.Property(temporary, "Value"), underlying, segments, next)
            : Access(temporary, memberType, segments, next);
        return Expression.Block(
            new[] { temporary },
            Expression.Assign(temporary, access),
            Expression.Condition(
                // ReferenceEqual for classes: Equal would call a record's == operator (a field-by-field comparison).
                underlying != null ? Expression.Equal(temporary, Expression.Constant(null, memberType)) : Expression.ReferenceEqual(temporary, Expression.Constant(null, memberType)),
                Expression.Constant(FieldValue.Missing),
                inner));
    }

    private static Expression ToFieldValue(Expression value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying != null)
        {
            var temporary = Expression.Variable(type, "value");
            return Expression.Block(
                new[] { temporary },
                Expression.Assign(temporary, value),
                Expression.Condition(
                    Expression.Property(temporary, "HasValue"),
                    ToFieldValue(Expression.Property(temporary, "Value"), underlying),
                    Expression.Constant(FieldValue.Null)));
        }

        if (type == typeof(string))
        {
            return Call(nameof(FieldValue.FromText), value, typeof(string));
        }

        if (type == typeof(bool))
        {
            return Call(nameof(FieldValue.FromBool), value, typeof(bool));
        }

        if (type == typeof(decimal))
        {
            return Call(nameof(FieldValue.FromDecimal), value, typeof(decimal));
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return Call(nameof(FieldValue.FromDateTime), value, type);
        }

        if (type == typeof(TimeSpan))
        {
            return Call(nameof(FieldValue.FromDuration), value, typeof(TimeSpan));
        }

        if (type.IsEnum)
        {
            return Expression.Call(typeof(FieldValue).GetMethod(nameof(FieldValue.FromEnum))!.MakeGenericMethod(type), value);
        }

        if (type == typeof(JsonElement))
        {
            return Expression.Call(typeof(JsonInput).GetMethod(nameof(JsonInput.ToFieldValue))!, value);
        }

        if (type.IsPrimitive && type != typeof(char) && type != typeof(IntPtr) && type != typeof(UIntPtr))
        {
            return Call(nameof(FieldValue.FromNumber), Expression.Convert(value, typeof(double)), typeof(double));
        }

        return Call(nameof(FieldValue.FromObject), Expression.Convert(value, typeof(object)), typeof(object));
    }

    private static MethodCallExpression Call(string method, Expression argument, Type parameterType) =>
        Expression.Call(typeof(FieldValue).GetMethod(method, new[] { parameterType })!, argument);

    /// <summary>A readable public instance property or field, matched by name ignoring case (an exact match wins).</summary>
    internal static MemberInfo? FindMember(Type type, string name)
    {
        MemberInfo? caseInsensitive = null;
        foreach (var member in ReadableMembers(type))
        {
            if (member.Name == name)
            {
                return member;
            }

            if (caseInsensitive == null && string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                caseInsensitive = member;
            }
        }

        return caseInsensitive;
    }

    /// <summary>Public instance properties (with a getter, not indexers) and fields.</summary>
    internal static IEnumerable<MemberInfo> ReadableMembers(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetMethod!.IsPublic && property.GetIndexParameters().Length == 0 && !property.PropertyType.IsByRef && !property.PropertyType.IsPointer)
            {
                yield return property;
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return field;
        }
    }

    /// <summary>Types a scan for nested fields should look inside (plain objects, not texts, numbers or collections).</summary>
    internal static bool IsPlainObjectType(Type type) =>
        !type.IsPrimitive && !type.IsEnum && !type.IsPointer && type != typeof(string) && type != typeof(decimal)
        && type != typeof(DateTime) && type != typeof(DateTimeOffset) && type != typeof(TimeSpan) && type != typeof(Guid)
        && Nullable.GetUnderlyingType(type) == null
        && !typeof(IEnumerable).IsAssignableFrom(type) && !InputWalker.IsDynamicContainer(type)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
}
