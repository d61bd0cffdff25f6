using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// An instance's variables during a step. The office variable, when the domain names one, mirrors the instance's
/// office so expressions can read it; nothing from outside and no activity output writes it.
/// </summary>
internal sealed class InstanceVariables(JsonObject values, string? officeVariable)
{
    public JsonObject Values { get; } = values;

    /// <summary>Sets variables from outside (a start, a message), except the office mirror.</summary>
    public void Merge(JsonObject? incoming)
    {
        foreach (var (name, value) in incoming ?? [])
        {
            if (!IsOfficeMirror(name))
            {
                Values[name] = value?.DeepClone();
            }
        }
    }

    public bool IsOfficeMirror(string name) => officeVariable is not null && name == officeVariable;

    public void MirrorOffice(string? office)
    {
        if (officeVariable is null)
        {
            return;
        }

        if (office is null)
        {
            Values.Remove(officeVariable);
        }
        else
        {
            Values[officeVariable] = office;
        }
    }

    /// <summary>A message event with <c>vp:receivedOn</c> records the day the message arrived, from the engine's clock.</summary>
    public void SetReceivedOn(EventTrigger? trigger, Instant now)
    {
        if (trigger is MessageTrigger { ReceivedOnVariable: { } variable })
        {
            Values[variable] = Stockholm.DateOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The date a timer counts from; a variable that holds no ISO date stops the element.</summary>
    public LocalDate ReadDate(string variable, string elementId)
    {
        if (Values[variable] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        throw new ElementFailedException($"The timer at '{elementId}' counts from the variable '{variable}', which is not a date (yyyy-MM-dd).");
    }
}
