namespace ServicePolicy.Analyzers.Tests.Infrastructure;

using ServicePolicy.Analyzers.Classification;

public sealed class SymbolPatternTests
{
    [Theory]
    [InlineData("Customer.Email", "Shop.Domain.Customer.Email", true)]
    [InlineData("Customer.Email", "Customer.Email", true)]
    [InlineData("Shop.Domain.Customer.Email", "Shop.Domain.Customer.Email", true)]
    [InlineData("Customer.Email", "Shop.Domain.Customer.EmailConfirmed", false)]
    [InlineData("Customer.Email", "Shop.Domain.VipCustomer.Email", false)]
    [InlineData("Email", "Shop.Domain.Customer.Email", true)]
    [InlineData("*.PhoneNumber", "Shop.Customer.PhoneNumber", true)]
    [InlineData("*.PhoneNumber", "PhoneNumber", false)]
    [InlineData("*Router", "Shop.Routing.TicketRouter", true)]
    [InlineData("*Router", "Shop.Routing.RouterConfiguration", false)]
    [InlineData("MyApp.Pricing.*", "MyApp.Pricing.Rules.Discounts", true)]
    [InlineData("MyApp.Pricing.*", "MyApp.PricingTools.Discounts", false)]
    [InlineData("System.Net.Http.HttpClient.Post*", "System.Net.Http.HttpClient.PostAsync", true)]
    [InlineData("HttpClient.Post*", "System.Net.Http.HttpClient.PutAsync", false)]
    [InlineData("*.Has*Consent*", "App.ConsentService.HasMarketingConsentAsync", true)]
    [InlineData("A*B*C", "AxxByyC", true)]
    [InlineData("A*B*C", "AxxCyyB", false)]
    [InlineData("Ab*bA", "AbA", false)]
    [InlineData("*", "Anything.At.All", true)]
    [InlineData("global::Shop.Customer.Email", "Shop.Customer.Email", true)]
    [InlineData("customer.email", "Shop.Customer.Email", false)]
    public void Patterns_match_full_names_or_their_trailing_parts(string pattern, string name, bool expected) =>
        Assert.Equal(expected, SymbolPattern.Create(pattern)!.Matches(name));

    [Fact]
    public void A_parameter_list_is_read_and_left_out_of_the_name()
    {
        var pattern = SymbolPattern.Create(" IReplySender.Send(body, subject) ")!;

        Assert.Equal(new[] { "body", "subject" }, pattern.ParameterNames);
        Assert.True(pattern.Matches("Desk.IReplySender.Send"));
        Assert.False(pattern.Matches("Desk.IReplySender.SendAsync"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_pattern_is_no_pattern(string? text) => Assert.Null(SymbolPattern.Create(text));
}
