namespace ServicePolicy.Annotations;

using System;

/// <summary>Marks a member (property, field, parameter) as personal data of the named category, e.g. <c>[PersonalData("contact")]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute
{
    public PersonalDataAttribute(string category) => Category = category;

    /// <summary>The data category declared in the policy's classification (e.g. "contact").</summary>
    public string Category { get; }
}

/// <summary>Marks a member as a protected attribute (e.g. <c>[ProtectedAttribute("gender")]</c>) that must not drive routing, prioritisation, pricing or eligibility.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ProtectedAttributeAttribute : Attribute
{
    public ProtectedAttributeAttribute(string attribute) => Attribute = attribute;

    /// <summary>The protected attribute declared in the policy (e.g. "gender", "ethnicity").</summary>
    public string Attribute { get; }
}

/// <summary>Marks a method (or every method of a type) as sending data to a third party, e.g. <c>[ThirdPartySink("partner-crm")]</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ThirdPartySinkAttribute : Attribute
{
    public ThirdPartySinkAttribute(string recipient) => Recipient = recipient;

    /// <summary>The recipient as named in the policy's consent requirements.</summary>
    public string Recipient { get; }
}

/// <summary>Marks a method that returns <c>true</c> only when the customer has given consent; a sink guarded by it is allowed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ConsentCheckAttribute : Attribute
{
    public ConsentCheckAttribute() { }

    public ConsentCheckAttribute(string purpose) => Purpose = purpose;

    /// <summary>The consent purpose the check verifies, when it verifies one purpose only.</summary>
    public string? Purpose { get; }
}

/// <summary>Marks a type or method as a decision context ("routing", "prioritisation", "pricing", "eligibility") in which protected attributes must not be read.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class DecisionContextAttribute : Attribute
{
    public DecisionContextAttribute(string context) => Context = context;

    /// <summary>The kind of decision: routing, prioritisation, pricing or eligibility.</summary>
    public string Context { get; }
}

/// <summary>Marks a parameter, property or method whose text reaches a customer; its literals are checked for banned claims and disrespectful terms.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class CustomerFacingTextAttribute : Attribute
{
}

/// <summary>Marks a method that redacts personal data; a value passed through it may be logged.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RedactorAttribute : Attribute
{
}
