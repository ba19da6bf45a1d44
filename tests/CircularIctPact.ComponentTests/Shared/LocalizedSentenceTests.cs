using Bunit;
using CircularIctPact.Web.Components.Shared;

namespace CircularIctPact.ComponentTests.Shared;

public sealed class LocalizedSentenceTests : PortalComponentTest
{
    [Fact]
    public void Pieces_go_where_the_translation_puts_them()
    {
        var sentence = Render<LocalizedSentence>(parameters => parameters
            .Add(p => p.Format, "{1}, um {0} zu speichern.")
            .Add(p => p.Arg0, builder => builder.AddMarkupContent(0, "<em>Auswahllisten</em>"))
            .Add(p => p.Arg1, builder => builder.AddMarkupContent(0, "<a href=\"/Account/Login\">Anmelden</a>")));

        sentence.MarkupMatches("<a href=\"/Account/Login\">Anmelden</a>, um <em>Auswahllisten</em> zu speichern.");
    }

    [Fact]
    public void Text_around_the_pieces_is_encoded_not_taken_as_markup()
    {
        var sentence = Render<LocalizedSentence>(parameters => parameters
            .Add(p => p.Format, "<b>{0}</b>")
            .Add(p => p.Arg0, builder => builder.AddContent(0, "x")));

        Assert.Contains("&lt;b&gt;", sentence.Markup, StringComparison.Ordinal);
    }
}
