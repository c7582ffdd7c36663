namespace ServicePolicy.Core.Tests.Support;

/// <summary>Policy texts the tests build on.</summary>
internal static class Policies
{
    /// <summary>A valid policy head: classification (with protected attributes and a proxy) and consent. Append sections to it.</summary>
    public const string Base = """
        apiVersion: servicepolicy/v1
        metadata:
          name: test
          version: 1.0.0
        classification:
          categories:
            - id: contact
              fields: [email, phone]
            - id: health
              level: special
              fields: [health.notes]
          protectedAttributes:
            - id: gender
              fields: [customer.gender]
            - id: age
              fields: [customer.age]
          proxies:
            - id: first-name
              standsFor: gender
              fields: [customer.firstName]
        consent:
          purposes:
            - id: crm-sync
              needs: [contact]
          requirements:
            - categories: [contact]
              purpose: crm-sync

        """;

    /// <summary>The base policy followed by <paramref name="sections"/> (top-level YAML, not indented).</summary>
    public static string With(string sections) => Base + sections.Replace("\r\n", "\n") + "\n";
}
