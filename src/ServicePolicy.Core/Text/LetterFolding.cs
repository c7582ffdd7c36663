namespace ServicePolicy.Core.Text;

/// <summary>
/// Styled letters and invisible fillers, folded by table so that the result does not depend on ICU:
/// with <c>InvariantGlobalization</c> (the CLI, containers) <see cref="string.Normalize()"/> leaves
/// "ｇｕａｒａｎｔｅｅｄ" or "𝐠𝐮𝐚𝐫𝐚𝐧𝐭𝐞𝐞𝐝" as they are. Covers the ways text is dressed up to slip past
/// a word list: full-width, mathematical, circled, parenthesised, squared and regional-indicator
/// letters, superscript, subscript and modifier letters, small capitals; and characters that show
/// nothing (Hangul fillers, the blank Braille pattern, tag characters, soft hyphens, zero-width and
/// variation selectors).
/// </summary>
internal static class LetterFolding
{
    /// <summary>Returned by <see cref="Fold"/> for a character to drop.</summary>
    public const char Drop = '\uFFFF';

    // Superscript, subscript and modifier letters, and small capitals, with the plain letter each stands for.
    private const string Styled =
        "ᵃaᵇbᶜcᵈdᵉeᶠfᵍgʰhⁱiʲjᵏkˡlᵐmⁿnᵒoᵖpʳrˢsᵗtᵘuᵛvʷwˣxʸyᶻz" +
        "ᴬaᴮbᴰdᴱeᴳgᴴhᴵiᴶjᴷkᴸlᴹmᴺnᴼoᴾpᴿrᵀtᵁuⱽvᵂw" +
        "ₐaₑeₒoₓxₕhₖkₗlₘmₙnₚpₛsₜtᵢiᵣrᵤuᵥvⱼj" +
        "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpǫqʀrꜱsᴛtᴜuᴠvᴡwʏyᴢz" +
        "ℂcℊgℋhℌhℍhℎhℐiℑiℒlℓlℕnℙpℚqℛrℜrℝrℤzℨzℬbℭcℯeℰeℱfℳmℴoℹiⅈiⅉj";

    private static readonly Dictionary<char, char> StyledLetters = BuildStyled();

    /// <summary>
    /// The plain lower-case character <paramref name="codePoint"/> stands for, <see cref="Drop"/> when
    /// it shows nothing, or '\0' when the table does not know it.
    /// </summary>
    public static char Fold(int codePoint)
    {
        if (codePoint < 0xA0)
        {
            return '\0';
        }

        if (IsInvisible(codePoint))
        {
            return Drop;
        }

        if (codePoint >= 0xFF01 && codePoint <= 0xFF5E)
        {
            // Full-width ASCII.
            return Lower((char)(codePoint - 0xFF01 + 0x21));
        }

        if (codePoint >= 0x24B6 && codePoint <= 0x24E9)
        {
            // Circled Ⓐ..Ⓩ, ⓐ..ⓩ.
            return (char)('a' + ((codePoint - 0x24B6) % 26));
        }

        if (codePoint >= 0x249C && codePoint <= 0x24B5)
        {
            // Parenthesised ⒜..⒵.
            return (char)('a' + (codePoint - 0x249C));
        }

        if (codePoint >= 0x1D400 && codePoint <= 0x1D6A3)
        {
            // Mathematical alphabets: thirteen styles of 52 letters (A..Z then a..z).
            var index = (codePoint - 0x1D400) % 52;
            return (char)('a' + (index % 26));
        }

        if (codePoint == 0x1D6A4 || codePoint == 0x1D6A5)
        {
            return codePoint == 0x1D6A4 ? 'i' : 'j';
        }

        if (codePoint >= 0x1D7CE && codePoint <= 0x1D7FF)
        {
            // Mathematical digits: five styles of ten.
            return (char)('0' + ((codePoint - 0x1D7CE) % 10));
        }

        if ((codePoint >= 0x1F130 && codePoint <= 0x1F149) || (codePoint >= 0x1F150 && codePoint <= 0x1F169) || (codePoint >= 0x1F170 && codePoint <= 0x1F189))
        {
            // Squared, negative circled and negative squared letters.
            return (char)('a' + ((codePoint - 0x1F130) % 0x20));
        }

        if (codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF)
        {
            // Regional indicator letters.
            return (char)('a' + (codePoint - 0x1F1E6));
        }

        return codePoint <= 0xFFFF && StyledLetters.TryGetValue((char)codePoint, out var plain) ? plain : '\0';
    }

    /// <summary>Characters that show nothing, and may be typed inside a word to break it up.</summary>
    public static bool IsInvisible(int codePoint) => codePoint switch
    {
        0x00AD => true,                                 // soft hyphen
        0x034F => true,                                 // combining grapheme joiner
        0x115F or 0x1160 or 0x3164 or 0xFFA0 => true,   // Hangul fillers
        0x17B4 or 0x17B5 => true,                       // Khmer inherent vowels
        0x180E => true,                                 // Mongolian vowel separator
        0x2800 => true,                                 // blank Braille pattern
        0xFEFF => true,                                 // zero-width no-break space
        >= 0x200B and <= 0x200F => true,                // zero-width spaces and joiners, direction marks
        >= 0x202A and <= 0x202E => true,                // direction embeddings
        >= 0x2060 and <= 0x2064 => true,                // word joiner, invisible operators
        >= 0xFE00 and <= 0xFE0F => true,                // variation selectors
        >= 0xE0000 and <= 0xE007F => true,              // tag characters
        >= 0xE0100 and <= 0xE01EF => true,              // variation selectors supplement
        _ => false,
    };

    private static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

    private static Dictionary<char, char> BuildStyled()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Styled.Length; i += 2)
        {
            map[Styled[i]] = Styled[i + 1];
        }

        return map;
    }
}
