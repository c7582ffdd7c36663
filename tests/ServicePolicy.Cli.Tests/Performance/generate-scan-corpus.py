"""Generates a synthetic C# folder of about N lines for timing `servicepolicy scan --no-build`.

Usage: python3 generate-scan-corpus.py <out-folder> <lines>
Each file is one module: a customer type with personal data and a protected attribute, a
third-party sink called with and without a consent check, a log write, a router, customer-facing
text with and without a banned claim, and plain computation. With scan-corpus-policy.yaml (copy it
to the folder's parent as servicepolicy.yaml) every module gives exactly one SP1001, SP1002,
SP2001 and SP3001 finding, so the analyzers do their full work on every file.
See docs/performance.md.
"""
import os, sys
out = sys.argv[1]; target_lines = int(sys.argv[2])
os.makedirs(out, exist_ok=True)
template = '''namespace Synthetic.Module{i};

using System;
using System.Collections.Generic;
using System.Linq;

public sealed class Customer
{{
    public string Email {{ get; set; }} = "";
    public string Phone {{ get; set; }} = "";
    public string Gender {{ get; set; }} = "";
    public string Tier {{ get; set; }} = "";
    public decimal Spend {{ get; set; }}
}}

public sealed class PartnerCrmClient
{{
    public void Upsert(string value) => Console.WriteLine(value.Length);
}}

public interface IConsentService
{{
    bool HasConsent(string subject, string purpose);
}}

public sealed class CustomerSync
{{
    private readonly PartnerCrmClient _crm = new();
    private readonly IConsentService _consent;

    public CustomerSync(IConsentService consent) => _consent = consent;

    public void SyncChecked(Customer customer)
    {{
        if (_consent.HasConsent(customer.Email, "crm-sync"))
        {{
            _crm.Upsert(customer.Email);
        }}
    }}

    public void SyncUnchecked(Customer customer) => _crm.Upsert(customer.Phone);

    public void Trace(Customer customer) => Console.WriteLine("syncing " + customer.Email);
}}

public sealed class TicketRouter
{{
    public string Route(Customer customer, string category)
    {{
        if (category == "billing")
        {{
            return "billing";
        }}

        return customer.Tier == "gold" ? "priority" : "general";
    }}

    public string RouteUnfair(Customer customer) => customer.Gender == "female" ? "queue-a" : "queue-b";
}}

public sealed class Replies
{{
    public void Send(string body) => Console.WriteLine(body);

    public void Promise() => Send("This upgrade is guaranteed to fix everything.");

    public void Polite() => Send("Thank you for your patience; we will reply within two days.");
}}

public static class Calculations
{{
'''
method = '''    public static int Compute{j}(IReadOnlyList<int> values)
    {{
        var total = 0;
        foreach (var value in values.Where(v => v % {m} != 0))
        {{
            total += value * {j};
        }}

        return total > 1000 ? total / 2 : total;
    }}

'''
lines = 0; i = 0
while lines < target_lines:
    text = template.format(i=i) + "".join(method.format(j=j, m=(j % 7) + 2) for j in range(12)) + "}\n"
    with open(os.path.join(out, f"Module{i}.cs"), "w") as f:
        f.write(text)
    lines += text.count("\n"); i += 1
print(f"{i} files, {lines} lines")
