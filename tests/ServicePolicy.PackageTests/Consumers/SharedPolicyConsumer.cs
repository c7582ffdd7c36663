namespace ServicePolicy.PackageTests.Consumers;

using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// A repository whose one policy lives in a folder of its own and is named by ServicePolicyFile in the
/// repository's Directory.Build.props; the policy includes a second file from that folder. The project
/// also has a local *.policy.yaml that must NOT be used, and lists the shared policy by hand once more
/// (it must reach the compiler once).
/// </summary>
public static class SharedPolicyConsumer
{
    public const string RepositoryFolder = "shared-repo";

    public static ConsumerProject Create(PackageFeedFixture fixture)
    {
        var repository = Path.Combine(fixture.Root, RepositoryFolder);
        Directory.CreateDirectory(Path.Combine(repository, "policy"));
        File.WriteAllText(Path.Combine(repository, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <ServicePolicyFile>$(MSBuildThisFileDirectory)policy/servicepolicy.yaml</ServicePolicyFile>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(repository, "policy", "servicepolicy.yaml"), SharedPolicy);
        File.WriteAllText(Path.Combine(repository, "policy", "banned-claims.yaml"), IncludedPolicy);

        var extra = """
                <AdditionalFiles Include="../policy/servicepolicy.yaml" />
            """;
        return new ConsumerProject(fixture, Path.Combine(RepositoryFolder, "app"))
            .Write("Consumer.csproj", SampleConsumer.ProjectFile(fixture.Version, extra))
            .Write("local.policy.yaml", LocalPolicy)
            .Write("Program.cs", "System.Console.WriteLine(new Consumer.Replies().Count);\n")
            .Write("Replies.cs", Code);
    }

    private const string SharedPolicy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: shared
          version: 2.0.0
        include: [banned-claims.yaml]
        analyzers:
          customerFacingText:
            - "*.SendReply*(body)"
        """;

    /// <summary>Included by the shared policy: only through this file is "miracle" banned.</summary>
    private const string IncludedPolicy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: shared-claims
          version: 2.0.0
        text:
          claims:
            en: [miracle]
        """;

    /// <summary>Would ban "guaranteed"; ignored, because the repository names its policy.</summary>
    private const string LocalPolicy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: local
          version: 1.0.0
        text:
          claims:
            en: [guaranteed]
        analyzers:
          customerFacingText:
            - "*.SendReply*(body)"
        """;

    private const string Code = """
        namespace Consumer;

        public sealed class Replies
        {
            private readonly List<string> _sent = new();

            public int Count => _sent.Count;

            public void SendReply(string body) => _sent.Add(body);

            public void Cheer() => SendReply("This plan works like a miracle."); // expect SP3001 at "This plan works like a miracle."

            public void Promise() => SendReply("Delivery is guaranteed.");
        }
        """;
}
