using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>Checks data annotations on a form and on the objects and lists inside it, reporting JSON paths.</summary>
public static class FormAnnotations
{
    public static IEnumerable<FieldProblem> Validate(object form) => Validate(form, prefix: "", depth: 0);

    private static IEnumerable<FieldProblem> Validate(object value, string prefix, int depth)
    {
        if (depth > 16)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                yield return new FieldProblem(Join(prefix, JsonName(value.GetType(), member)), result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || IsLeaf(property.PropertyType))
            {
                continue;
            }

            var child = property.GetValue(value);
            var name = Join(prefix, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            if (child is IEnumerable list and not string)
            {
                var index = 0;
                foreach (var item in list)
                {
                    if (item is not null && !IsLeaf(item.GetType()))
                    {
                        foreach (var problem in Validate(item, $"{name}[{index}]", depth + 1))
                        {
                            yield return problem;
                        }
                    }

                    index++;
                }
            }
            else if (child is not null)
            {
                foreach (var problem in Validate(child, name, depth + 1))
                {
                    yield return problem;
                }
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
               type.Namespace == "NodaTime" || type == typeof(Guid) || type == typeof(DateTimeOffset) ||
               typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type);
    }

    private static string JsonName(Type type, string member) =>
        member.Length == 0 || type.GetProperty(member) is null ? member : JsonNamingPolicy.CamelCase.ConvertName(member);

    private static string Join(string prefix, string name) =>
        prefix.Length == 0 ? name : name.Length == 0 ? prefix : prefix + "." + name;
}
