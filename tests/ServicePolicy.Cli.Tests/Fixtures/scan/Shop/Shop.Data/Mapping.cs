namespace Shop.Data.Mapping;

public static class Mapper
{
    public static string Key(Shop.Data.Customer customer) => customer.Email.Trim().ToLowerInvariant();
}
