namespace SupportDesk.Complaints;

using ServicePolicy.Annotations;

/// <summary>
/// The desk's standard complaint texts. They reach customers, so each method is marked
/// [CustomerFacingText]: the analyzers check every literal it returns for banned claims and
/// disrespectful words (SP3001).
/// </summary>
public static class ComplaintTexts
{
    [CustomerFacingText]
    public static string Acknowledgement(string language, string complaintId) => language switch
    {
        "es" => $"Sentimos mucho lo ocurrido. Hemos recibido su reclamación {complaintId} y nuestro equipo de reclamaciones ya la está estudiando.",
        "it" => $"Ci dispiace molto per l'accaduto. Abbiamo ricevuto il suo reclamo {complaintId} e il nostro team reclami lo sta già esaminando.",
        "ru" => $"Приносим извинения за случившееся. Мы получили вашу жалобу {complaintId}, и наша команда по жалобам уже её изучает.",
        _ => $"We are sorry about what happened. We have received your complaint {complaintId} and our complaints team is already looking into it.",
    };

    [CustomerFacingText]
    public static string FeedbackSurvey(string language) => language switch
    {
        "es" => "¿Cómo resolvimos su reclamación? Su opinión nos ayuda a mejorar.",
        "it" => "Come abbiamo gestito il suo reclamo? La sua opinione ci aiuta a migliorare.",
        "ru" => "Как мы решили вашу жалобу? Ваше мнение помогает нам стать лучше.",
        _ => "How did we handle your complaint? Your opinion helps us improve.",
    };
}
