namespace Shop.Data;

public sealed class CustomerStore
{
#if SHOP_DATA
    // Compiled only with the project's own symbol: Mapper is Shop.Data.Mapping.Mapper here.
    public string KeyOf(Customer customer) => Mapper.Key(customer);
#endif
}
