namespace SupportDesk.Unsafe;

/// <summary>A "debug" log that writes what it is given, as it is.</summary>
public static class AuditLog
{
    public static void CustomerContacted(Customer customer)
    {
        // SP1002: personal data (Customer.Email) is written to a log (Console.WriteLine is a log
        // sink in the policy's analyzers.logSinks) without going through a redactor.
        Console.WriteLine($"Contacted {customer.Id} at {customer.Email}");
    }
}
