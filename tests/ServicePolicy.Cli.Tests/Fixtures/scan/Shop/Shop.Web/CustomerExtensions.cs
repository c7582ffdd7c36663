namespace Shop.Web;

using Shop.Data;

public static class CustomerExtensions
{
    // A C# 14 extension block: a compiler that does not know it must not stop the scan.
    extension(Customer customer)
    {
        public void Trace() => Console.WriteLine("customer " + customer.Email);
    }
}
