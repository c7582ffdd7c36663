namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using Microsoft.CodeAnalysis;
using ServicePolicy.Analyzers.Classification;
using ServicePolicy.Analyzers.Tests.Harness;

public sealed class SymbolNamesTests
{
    private const string Source = """
        namespace Shop.System.Threading.Tasks { public class Lookalike { } }
        namespace Shop { public class Plain { } }
        public class InGlobal { }
        """;

    [Theory]
    [InlineData("System.Threading.Tasks.Task", true)]
    [InlineData("System.Threading.Tasks.ValueTask", true)]
    [InlineData("System.Threading.Thread", false)]
    [InlineData("Shop.System.Threading.Tasks.Lookalike", false)]
    [InlineData("Shop.Plain", false)]
    [InlineData("InGlobal", false)]
    public void A_namespace_is_recognised_by_its_whole_name_and_nothing_else(string typeMetadataName, bool inTasks)
    {
        var compilation = new TestProject().AddSource(Source).CreateCompilation();
        var type = compilation.GetTypeByMetadataName(typeMetadataName) ?? throw new InvalidOperationException(typeMetadataName);

        Assert.Equal(inTasks, SymbolNames.IsNamespace(type.ContainingNamespace, "System", "Threading", "Tasks"));
        // The answer agrees with the formatted name it replaces on the analyzers' hot paths.
        Assert.Equal(type.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks", SymbolNames.IsNamespace(type.ContainingNamespace, "System", "Threading", "Tasks"));
    }

    [Fact]
    public void A_shorter_or_longer_chain_does_not_match()
    {
        var compilation = new TestProject().AddSource(Source).CreateCompilation();
        var tasks = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task")!.ContainingNamespace;

        Assert.False(SymbolNames.IsNamespace(tasks, "Threading", "Tasks"));
        Assert.False(SymbolNames.IsNamespace(tasks, "Root", "System", "Threading", "Tasks"));
        Assert.False(SymbolNames.IsNamespace(null, "System"));
        Assert.True(SymbolNames.IsNamespace(compilation.GlobalNamespace));
    }
}
