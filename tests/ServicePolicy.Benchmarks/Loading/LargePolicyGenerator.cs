namespace ServicePolicy.Benchmarks.Loading;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes a large, valid, realistic policy: a classification, consent purposes, routing tables,
/// SLAs, text rules, named tests, and <c>ruleCount</c> rules spread over the built-in actions, each
/// with a nested condition, a message naming fields and a remediation.
/// </summary>
public static class LargePolicyGenerator
{
    private static readonly string[] RuleShapes =
    {
        // action @@ condition (indented 6) @@ message
        """
        refund.issue@@      all:
                - field: amount
                  op: gt
                  value: {N}
                - field: agent.role
                  op: in
                  value: [agent, trainee]
                - not:
                    field: approvedBy
                    op: exists@@Refund of {amount} {currency} by {agent.role} needs approval
        """,
        """
        data.share@@      any:
                - field: consent.granted
                  op: eq
                  value: false
                - field: fields.unneeded
                  op: not-empty@@Sharing with {recipient} lacks consent for {consent.missing}
        """,
        """
        message.send@@      all:
                - field: kind
                  op: eq
                  value: price-quote
                - any:
                    - field: totalPrice
                      op: missing
                    - field: terms
                      op: empty@@A price quote in {language} must state the total price and terms
        """,
        """
        complaint.close@@      any:
                - field: resolution
                  op: empty
                - field: customerNotified
                  op: eq
                  value: false@@Complaint {complaint.id} cannot be closed without a resolution
        """,
        """
        ticket.route@@      field: input.protected
              op: not-empty@@Routing may not use {input.protected}
        """,
        """
        followup.promise@@      all:
                - field: owner
                  op: missing
                - field: sla.within
                  op: lt
                  value: {N}h@@A follow-up promised by {owner} needs a deadline
        """,
        """
        message.send@@      field: text
              op: matches
              value: 'only \d+ (left|remaining) {N}'@@The message to {channel} makes a scarcity claim
        """,
    };

    public static string Generate(int ruleCount)
    {
        var yaml = new StringBuilder(ruleCount * 420);
        yaml.Append("""
            apiVersion: servicepolicy/v1
            metadata:
              name: generated
              version: 1.0.0
              owner: compliance@example.com
            classification:
              categories:
                - id: contact
                  fields: [email, phone, customer.email]
                  symbols: ["*.Email", "*.PhoneNumber"]
                - id: payment
                  level: sensitive
                  fields: [iban, card]
                - id: health
                  level: special
                  fields: [health.notes]
              protectedAttributes:
                - id: gender
                  fields: [customer.gender]
                - id: age
                  fields: [customer.age, customer.birthDate]
                - id: origin
                  fields: [customer.nationality]
              proxies:
                - id: first-name
                  standsFor: gender
                  fields: [customer.firstName]
                - id: postcode
                  standsFor: origin
                  fields: [customer.postcode]
            consent:
              purposes:
                - id: crm-sync
                  needs: [contact]
                - id: billing
                  needs: [contact, payment]
              requirements:
                - categories: [contact]
                  purpose: crm-sync
                - categories: [payment]
                  recipients: [payment-provider]
                  purpose: billing
            routing:
              - id: queues
                routes:
                  - when: { field: ticket.category, op: eq, value: billing }
                    result: billing
                  - when:
                      all:
                        - { field: ticket.channel, op: in, value: [phone, chat] }
                        - { field: ticket.priority, op: eq, value: urgent }
                    result: live-urgent
                default: general
            slas:
              - id: first-response-email
                kind: first-response
                channel: email
                within: 8h
              - id: first-response-chat
                kind: first-response
                channel: chat
                within: 10m
                reason: Chat is a live channel.
              - id: complaint-acknowledge
                kind: complaint-acknowledge
                within: 1d
            authority:
              - { role: agent, action: refund.issue, max: 100, currency: EUR }
              - { role: supervisor, action: refund.issue, max: 1000, currency: EUR }
            text:
              claims:
                en: [guaranteed, risk free, best price ever]
                es: [garantizado, sin riesgo]
              disrespectful:
                en: [stupid, calm down]
              patterns:
                - id: fake-scarcity
                  regex: 'only \d+ left'
            rules:

            """);

        for (var i = 0; i < ruleCount; i++)
        {
            var shape = RuleShapes[i % RuleShapes.Length].Replace("\r\n", "\n").Split(new[] { "@@" }, StringSplitOptions.None);
            var n = (50 + i).ToString(CultureInfo.InvariantCulture);
            yaml.Append("  - id: rule-").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append('\n')
                .Append("    title: Generated rule ").Append(n).Append(" for ").Append(shape[0]).Append('\n')
                .Append("    principle: P").Append(1 + (i % 10)).Append('\n')
                .Append("    seeds: [\"00").Append(i % 5).Append("\"]\n")
                .Append("    severity: ").Append(i % 3 == 0 ? "warning" : "error").Append('\n')
                .Append("    action: ").Append(shape[0]).Append('\n')
                .Append("    when:\n").Append(shape[1].Replace("{N}", n).TrimEnd('\n')).Append('\n')
                .Append("    effect: ").Append(i % 4 == 0 ? "warn" : "deny").Append('\n')
                .Append("    message: \"").Append(shape[2].Trim()).Append("\"\n")
                .Append("    remediation: Follow the procedure for case ").Append(n).Append(".\n");
        }

        yaml.Append("""
            tests:
              - name: sharing without consent is refused
                action: data.share
                input: { subject: c-1, recipient: partner, purpose: crm-sync, fields: [email] }
                expect:
                  effect: deny
                  violations: [rule-0001]
              - name: billing tickets go to billing
                action: ticket.route
                input: { ticket: { category: billing } }
                expect:
                  result: billing

            """);
        return yaml.ToString();
    }
}
