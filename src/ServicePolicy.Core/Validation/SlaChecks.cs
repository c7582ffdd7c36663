namespace ServicePolicy.Core.Validation;

using ServicePolicy.Core.Loading;
using ServicePolicy.Core.Model;

/// <summary>
/// The consistency lint of principle P5 (the same standard whatever the channel). Among SLAs of
/// the same kind and priority, an SLA with a `reason` explains its own difference; the others
/// must all set the same deadline. When they do not, those that differ from the common deadline
/// (the most frequent; on a tie, the fastest) are warned about. Two SLAs for exactly the same
/// kind, channel and priority with different deadlines contradict each other.
/// </summary>
public static class SlaChecks
{
    public static void Check(ValidationContext context)
    {
        foreach (var group in context.Policy.Slas.Where(s => s.HasKey("kind") && s.HasKey("within")).GroupBy(s => (s.Kind, s.Priority)))
        {
            var slas = group.ToList();
            var kind = ModelReflection.KebabCase(group.Key.Kind.ToString());
            var priority = group.Key.Priority.Length == 0 ? "every priority" : $"priority `{group.Key.Priority}`";
            CheckUnexplainedDifferences(context, slas, kind, priority);
            CheckContradictions(context, slas, kind, priority);
        }
    }

    private static void CheckUnexplainedDifferences(ValidationContext context, List<Sla> slas, string kind, string priority)
    {
        var unexplained = slas.Where(s => s.Reason.Trim().Length == 0).ToList();
        if (unexplained.Select(s => s.Within).Distinct().Count() < 2)
        {
            return;
        }

        var common = unexplained.GroupBy(s => s.Within).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var standard = common.First();
        foreach (var sla in unexplained.Where(s => s.Within != common.Key))
        {
            var comparison = sla.Within > common.Key ? "slower" : "faster";
            context.Warning(
                PolicyErrorCodes.InconsistentSla,
                $"The {kind} deadline `{sla.Id}` ({DurationParser.Format(sla.Within)} on {Channel(sla)}) is {comparison} than `{standard.Id}` ({DurationParser.Format(standard.Within)} on {Channel(standard)}) for {priority}, and neither gives a reason. Customers should get the same standard on every channel (principle P5).",
                sla.LocationOf("within"),
                "Align the deadlines, or add `reason:` to the one that differs, saying why.");
        }
    }

    private static void CheckContradictions(ValidationContext context, List<Sla> slas, string kind, string priority)
    {
        foreach (var same in slas.GroupBy(s => s.Channel).Where(g => g.Count() > 1))
        {
            var first = same.First();
            foreach (var other in same.Skip(1).Where(s => s.Within != first.Within))
            {
                context.Warning(
                    PolicyErrorCodes.InconsistentSla,
                    $"The SLAs `{first.Id}` and `{other.Id}` both set the {kind} deadline for {Channel(other)} and {priority}, but to different times ({DurationParser.Format(first.Within)} and {DurationParser.Format(other.Within)}).",
                    other.LocationOf("within"),
                    "Keep one of them.");
            }
        }
    }

    private static string Channel(Sla sla) => sla.Channel.Length == 0 ? "every channel" : $"`{sla.Channel}`";
}
