namespace Shop.Web.Mapping;

public static class Mapper
{
    public static string Label(Shop.Data.Customer customer) => "customer";
}
