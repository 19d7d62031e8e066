using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Names and emails: validation as the source system did it, and finding them in messages.</summary>
public class CustomerDataTests
{
    [Theory]
    [InlineData("juan pérez", "Juan Pérez")]
    [InlineData("JUAN PEREZ", "Juan Perez")]
    [InlineData("  ana   maría  ", "Ana María")]
    [InlineData("maría de los ángeles", "María de los Ángeles")]
    [InlineData("José del Valle", "José del Valle")]
    [InlineData("o'brien", "O'Brien")]
    [InlineData("O’Connor", "O'Connor")]
    [InlineData("ana-maría lópez", "Ana-María López")]
    [InlineData("McDonald", "McDonald")]
    [InlineData("Ñandú", "Ñandú")]
    [InlineData("jo", "Jo")]
    [InlineData("de la Fuente", "De la Fuente")]
    public void TryNormalizeName_ValidName_TitleCasedWithParticlesLowercase(string input, string expected)
    {
        Assert.True(CustomerData.TryNormalizeName(input, out var name, out var problem));
        Assert.Equal(expected, name);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("", NameProblem.TooShort)]
    [InlineData("J", NameProblem.TooShort)]
    [InlineData("   ", NameProblem.TooShort)]
    [InlineData("Juan2", NameProblem.HasDigits)]
    [InlineData("R2D2", NameProblem.HasDigits)]
    [InlineData("juan@perez", NameProblem.InvalidCharacters)]
    [InlineData("Juan_Perez", NameProblem.InvalidCharacters)]
    [InlineData("Juan!", NameProblem.InvalidCharacters)]
    [InlineData("Juan-", NameProblem.InvalidCharacters)]
    [InlineData("Juan 😀", NameProblem.InvalidCharacters)]
    public void TryNormalizeName_InvalidName_SaysWhy(string input, NameProblem expected)
    {
        Assert.False(CustomerData.TryNormalizeName(input, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryNormalizeName_Length_TwoToAHundred()
    {
        Assert.True(CustomerData.TryNormalizeName(new string('a', 100), out _, out _));
        Assert.False(CustomerData.TryNormalizeName(new string('a', 101), out _, out var problem));
        Assert.Equal(NameProblem.TooLong, problem);
    }

    [Theory]
    [InlineData("juan@gmail.com", "juan@gmail.com")]
    [InlineData("  Juan@Gmail.COM ", "juan@gmail.com")]
    [InlineData("juan.perez+turnos@mail.example.com.ar", "juan.perez+turnos@mail.example.com.ar")]
    [InlineData("mailto:ana@x.io", "ana@x.io")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("a_b-c@sub-domain.example.org", "a_b-c@sub-domain.example.org")]
    public void TryNormalizeEmail_ValidEmail_Lowercased(string input, string expected)
    {
        Assert.True(CustomerData.TryNormalizeEmail(input, out var email, out var problem));
        Assert.Equal(expected, email);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("juan@gmail", EmailProblem.Invalid)]
    [InlineData("juangmail.com", EmailProblem.Invalid)]
    [InlineData("juan@@gmail.com", EmailProblem.Invalid)]
    [InlineData("juan..perez@gmail.com", EmailProblem.Invalid)]
    [InlineData(".juan@gmail.com", EmailProblem.Invalid)]
    [InlineData("juan@-gmail.com", EmailProblem.Invalid)]
    [InlineData("juan perez@gmail.com", EmailProblem.Invalid)]
    [InlineData("", EmailProblem.Invalid)]
    [InlineData("1155551234", EmailProblem.LooksLikePhone)]
    [InlineData("+54 9 11 5555-1234", EmailProblem.LooksLikePhone)]
    [InlineData("(011) 4555-1234", EmailProblem.LooksLikePhone)]
    public void TryNormalizeEmail_InvalidEmail_SaysWhy(string input, EmailProblem expected)
    {
        Assert.False(CustomerData.TryNormalizeEmail(input, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryNormalizeEmail_Length_AtMost254()
    {
        static string Email(int lastLabel) => new string('a', 64) + "@" + new string('d', 61) + "." + new string('d', 61) + "." + new string('d', lastLabel) + ".com";
        Assert.Equal(254, Email(61).Length);
        Assert.True(CustomerData.TryNormalizeEmail(Email(61), out _, out _));
        Assert.False(CustomerData.TryNormalizeEmail(Email(62), out _, out var problem));
        Assert.Equal(EmailProblem.TooLong, problem);
        Assert.False(CustomerData.TryNormalizeEmail(new string('a', 65) + "@gmail.com", out _, out var local));
        Assert.Equal(EmailProblem.Invalid, local);
    }

    public static TheoryData<string, string> InMessages => Table(
        ("me llamo Juan Pérez", "name=Juan Pérez"), ("me llamo juan", "name=Juan"), ("mi nombre es María José", "name=María José"),
        ("soy Ana", "name=Ana"), ("hola soy ana, quiero un turno", "name=Ana|intent=book"), ("soy Juan y quiero un turno", "name=Juan"),
        ("a nombre de maría gonzález", "name=María González"), ("mi nombre es O'Brien", "name=O'Brien"),
        ("me llamo Juan Pérez García", "name=Juan Pérez García"), ("me llamo maria de los angeles", "name=Maria de los Angeles"),
        ("nombre: Pedro Gómez", "name=Pedro Gómez"), ("me llamo J", "name=null|nameProblem=TooShort"),
        ("me llamo juan123", "name=null|nameProblem=HasDigits"), ("soy nueva", "name=null"), ("soy de Palermo", "name=null"),
        ("soy cliente", "name=null"), ("soy yo", "name=null"), ("hola", "name=null"), ("Juan", "name=null"),
        ("mi mail es juan@gmail.com", "email=juan@gmail.com"), ("juan@gmail.com", "email=juan@gmail.com"),
        ("mi correo: Ana.Lopez@Hotmail.com.", "email=ana.lopez@hotmail.com"), ("<juan@gmail.com>", "email=juan@gmail.com"),
        ("mi email es juan@@gmail.com", "email=null|emailProblem=Invalid"), ("mi mail es juan@gmail", "email=null|emailProblem=Invalid"),
        ("escribime a pepe@@", "emailProblem=null|email=null"), ("a las 10 @ la peluquería", "email=null|emailProblem=null"));

    [Theory, MemberData(nameof(InMessages))]
    public void Understand_NameOrEmailInAMessage_IsFoundAndValidated(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> AnswersToName => Table(
        ("Juan", "name=Juan"), ("juan pérez", "name=Juan Pérez"), ("JUAN PEREZ", "name=Juan Perez"), ("Lucía", "name=Lucía|pro=null"),
        ("sí, Juan Pérez", "name=Juan Pérez"), ("maría de los ángeles", "name=María de los Ángeles"), ("Juan!", "name=Juan"),
        ("Juan Pérez, juan.perez@hotmail.com", "name=Juan Pérez|email=juan.perez@hotmail.com"), ("me llamo Ana", "name=Ana"),
        ("Juan2", "name=null|nameProblem=HasDigits"), ("Juan 123", "name=null|nameProblem=HasDigits"), ("123", "nameProblem=HasDigits"),
        ("J", "nameProblem=TooShort"), ("@@@", "nameProblem=InvalidCharacters"), ("juan_perez", "nameProblem=InvalidCharacters"),
        ("mañana", "name=null|nameProblem=null|date=2026-11-19"), ("no", "name=null|intent=confirm_no"),
        ("quiero cancelar", "name=null|intent=cancel"), ("con Lucía", "name=null|pro=lucia"));

    [Theory, MemberData(nameof(AnswersToName))]
    public void Understand_AnswerToWhatIsYourName_IsTheName(string text, string spec) =>
        Check(Understand(text, Expectation.Name), spec, strict: false, text);

    public static TheoryData<string, string> AnswersToEmail => Table(
        ("juan@gmail.com", "email=juan@gmail.com"), ("Juan@Gmail.com", "email=juan@gmail.com"), ("es juan@gmail.com gracias", "email=juan@gmail.com"),
        ("1155551234", "email=null|emailProblem=LooksLikePhone"), ("+54 9 11 5555-1234", "emailProblem=LooksLikePhone"),
        ("mi cel es 11 5555 1234", "emailProblem=LooksLikePhone"), ("juan@gmail", "emailProblem=Invalid"),
        ("juangmail.com", "emailProblem=Invalid"), ("juan@hotmail,com", "emailProblem=Invalid"), ("no tengo", "emailProblem=null|email=null"));

    [Theory, MemberData(nameof(AnswersToEmail))]
    public void Understand_AnswerToWhatIsYourEmail_IsTheEmailOrWhyNot(string text, string spec) =>
        Check(Understand(text, Expectation.Email), spec, strict: false, text);
}
