namespace ServicePolicy.PackageTests.Consumers;

using ServicePolicy.PackageTests.Infrastructure;

/// <summary>
/// The consumer projects of the tests, written the way a user writes them: a csproj with PackageReferences,
/// a servicepolicy.yaml beside it, and code that breaks the policy on purpose. Each C# line that must be
/// reported says so in a trailing comment <c>// expect SPxxxx at text</c> (see ConsumerProject.ExpectedDiagnosticKeys).
/// </summary>
public static class SampleConsumer
{
    /// <summary>Our three packages, as the README tells users to reference them.</summary>
    public static ConsumerProject CreatePlain(PackageFeedFixture fixture, string name = "plain") =>
        WriteSources(new ConsumerProject(fixture, name), ProjectFile(fixture.Version));

    /// <summary>
    /// The plain consumer plus two more analyzer packages that carry YamlDotNet 11 beside their analyzers:
    /// one built by the test (E2E.YamlProbe, which reports the YamlDotNet version it loaded) and
    /// SecurityCodeScan.VS2019 5.6.7 from nuget.org.
    /// </summary>
    public static ConsumerProject CreateWithOtherYamlDotNetAnalyzers(PackageFeedFixture fixture)
    {
        YamlProbeAnalyzerPackage.Pack(fixture);
        var extra = $"""
                <PackageReference Include="{YamlProbeAnalyzerPackage.PackageId}" Version="{fixture.Version}" PrivateAssets="all" />
                <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />
            """;
        var project = WriteSources(new ConsumerProject(fixture, "conflict"), ProjectFile(fixture.Version, extra));
        project.Write("Security.cs", """
            namespace Consumer;

            public static class Dice
            {
                // SecurityCodeScan reports a weak random number generator here (SCS0005), which shows it ran.
                public static int Roll() => new System.Random().Next(1, 7);
            }
            """);
        return project;
    }

    public static string ProjectFile(string version, string extraItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>Consumer</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ServicePolicy" Version="{version}" />
            <PackageReference Include="ServicePolicy.Annotations" Version="{version}" />
            <PackageReference Include="ServicePolicy.Analyzers" Version="{version}" PrivateAssets="all" />
        {extraItems}
          </ItemGroup>
          <ItemGroup>
            <!-- The engine loads the same policy at run time. -->
            <None Update="servicepolicy.yaml" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The policy: what is personal, what is protected, which words are banned, where decisions are made.</summary>
    public const string Policy = """
        apiVersion: servicepolicy/v1
        metadata:
          name: consumer-policy
          version: 1.0.0
        classification:
          categories:
            - id: contact
              level: personal
              fields: [email]
              symbols: ["*.Email"]
          protectedAttributes:
            - id: gender
              fields: [gender]
              symbols: ["*.Gender"]
        recipients:
          - id: newsletter-service
            kind: processor
            purposes: [newsletter]
            agreement: Newsletter data-processing agreement
        consent:
          purposes:
            - id: newsletter
              title: Receive the newsletter.
              needs: [contact]
          requirements:
            - categories: [contact]
              recipients: [newsletter-service]
              purpose: newsletter
        rules:
          - id: share-needs-consent
            title: Contact details go to the newsletter service only with consent
            principle: P1
            action: data.share
            when:
              field: consent.granted
              op: eq
              value: false
            effect: deny
            message: "{recipient} may not receive {fields.personal}: consent for {consent.missing} is missing."
        text:
          claims:
            en: [guaranteed]
          disrespectful:
            en: [stupid]
        analyzers:
          logSinks:
            - method: "System.Console.Write*"
          decisionContexts:
            - context: routing
              types: ["*Router"]
          customerFacingText:
            - "*.SendReply*(body)"
        """;

    /// <summary>The program: asks the engine (runtime package) and prints the decision.</summary>
    public const string Program = """
        using ServicePolicy;

        var engine = PolicyEngine.FromFile(Path.Combine(AppContext.BaseDirectory, "servicepolicy.yaml"));
        var decision = engine.ShareData(new DataShareRequest("c-1", "newsletter-service", "newsletter", new[] { "email" }));
        Console.WriteLine($"decision: {decision.Effect} [{string.Join(",", decision.FiredRules)}] failClosed={engine.IsFailClosed}");
        """;

    /// <summary>Application code that breaks each rule once.</summary>
    public const string Violations = """
        namespace Consumer;

        using ServicePolicy.Annotations;

        public sealed class Customer
        {
            [PersonalData("contact")] public string Email { get; set; } = "";
            [ProtectedAttribute("gender")] public string? Gender { get; set; }
        }

        public interface INewsletter
        {
            [ThirdPartySink("newsletter-service")] void Subscribe(string email);
        }

        public sealed class TicketRouter
        {
            public string Route(Customer customer) => customer.Gender == "female" ? "team-a" : "team-b"; // expect SP2001 at customer.Gender
        }

        public sealed class Replies
        {
            private readonly List<string> _sent = new();

            public void SendReply(string ticketId, string body) => _sent.Add(ticketId + ": " + body);

            public void Thanks(string ticketId) => SendReply(ticketId, "Your refund is guaranteed."); // expect SP3001 at "Your refund is guaranteed."
        }

        public static class Audit
        {
            public static void Contacted(Customer customer) => Console.WriteLine("mailed " + customer.Email); // expect SP1002 at customer.Email

            public static void Share(INewsletter newsletter, Customer customer) => newsletter.Subscribe(customer.Email); // expect SP1001 at customer.Email
        }
        """;

    private static ConsumerProject WriteSources(ConsumerProject project, string projectFile) =>
        project.Write("Consumer.csproj", projectFile)
            .Write("servicepolicy.yaml", Policy)
            .Write("Program.cs", Program)
            .Write("Violations.cs", Violations);
}
