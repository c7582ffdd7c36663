namespace SupportDesk.Unsafe;

using ServicePolicy.Annotations;

/// <summary>Canned replies, written in a hurry.</summary>
public sealed class CarelessReplies
{
    private readonly List<string> _sent = new();

    public void SendReply(string ticketId, [CustomerFacingText] string body) => _sent.Add($"{ticketId}: {body}");

    public void AfterRefund(string ticketId)
    {
        // SP3001: the banned claim "guaranteed" (P3, honesty) in customer-facing text.
        SendReply(ticketId, "Your refund is guaranteed and arrives today.");
    }

    public void AfterThirdCall(string ticketId)
    {
        // SP3001: the disrespectful phrase "como ya le dije" (P7, courtesy) in Spanish.
        SendReply(ticketId, "Como ya le dije, tiene que reiniciar el router.");
    }

    public void RussianUpsell(string ticketId)
    {
        // SP3001: the banned claim "лучшая цена на рынке" (best price on the market) in Russian.
        SendReply(ticketId, "Это лучшая цена на рынке, только сегодня.");
    }
}
