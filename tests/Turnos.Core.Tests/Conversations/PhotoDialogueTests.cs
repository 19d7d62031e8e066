using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Photos and other media in a message, through the rules and the engine: a model's description is acknowledged,
/// photos nobody looked at go to a person (the conversation flagged, the booking going on), voice notes and files ask for
/// text. "Now" is Monday 2026-03-09 08:00 in Buenos Aires.</summary>
public class PhotoDialogueTests
{
    private static Understanding Read(ConversationState state, string text, Attachments? attachments, TurnFacts facts) =>
        RulesUnderstanding.Understand(new UnderstandingContext(text, LocalTime.ToLocal(facts.NowUtc, facts.Zone), facts.Business,
            ConversationEngine.Expecting(state, facts.Reminder), state.Language, attachments));

    private static readonly Attachments OnePhoto = new(Images: 1);

    [Theory]
    [InlineData(new[] { "image/jpeg" }, 1, 0, false, false, false)]
    [InlineData(new[] { "image/png", "IMAGE/WEBP; q=1", "audio/ogg" }, 2, 0, true, false, false)]
    [InlineData(new[] { "video/mp4", "application/pdf", "text/vcard" }, 0, 0, false, true, true)]
    public void Of_CountsPhotosAndNotesTheRest(string[] types, int images, int dropped, bool audio, bool video, bool files) =>
        Assert.Equal(new Attachments(images, dropped, audio, video, files), Attachments.Of(types));

    [Fact]
    public void Of_MoreThanTenPhotos_LooksAtTenAndCountsTheRest()
    {
        Assert.Equal(new Attachments(Images: 10, ImagesDropped: 3), Attachments.Of(Enumerable.Repeat("image/jpeg", 13)));
        Assert.Null(Attachments.Of([]));
    }

    [Fact]
    public void APhotoTheModelDescribed_IsAcknowledged_AndTheBookingGoesOn()
    {
        var facts = Facts();
        var u = Read(Fresh, "¿Pueden hacerme este corte el martes?", OnePhoto, facts) with { PhotoSummary = "un corte bob en capas con flequillo" };

        var d = Say(Fresh, u, facts);

        Assert.Equal("📸 ¡Gracias por la foto! Veo un corte bob en capas con flequillo.", d.Replies[1]);
        Assert.Equal(("corte", Tuesday), (d.State.Draft.ServiceId, d.State.Draft.Date));
        Assert.Equal(ConversationMode.Booking, d.State.Mode);
        Assert.False(d.State.HandoffRequested);
        Assert.Null(d.Effect);
    }

    [Fact]
    public void PhotosNobodyLookedAt_GoToAPerson_FlagTheConversation_AndTheBookingGoesOn()
    {
        var facts = Facts();
        var u = Read(Fresh, "¿Pueden hacerme este corte el martes?", new Attachments(Images: 2), facts);

        var d = Say(Fresh, u, facts);

        Assert.Equal("📸 ¡Gracias por las fotos! Una persona del equipo de *Peluquería Demo* las va a revisar. Mientras tanto, sigamos por aquí.",
            d.Replies[1]);
        Assert.True(d.State.HandoffRequested);
        // Not a hand-over: the assistant keeps booking (it asks the time on Tuesday, or offers times) and asks no effect.
        Assert.Equal(("corte", Tuesday, ConversationMode.Booking), (d.State.Draft.ServiceId, d.State.Draft.Date, d.State.Mode));
        Assert.NotEqual(Expectation.None, d.State.Expecting);
        Assert.Null(d.Effect);

        Assert.Equal(2, d.State.PhotosForPerson);
        var next = Hear(d.State, "a las 10", facts);
        Assert.Equal((true, 2), (next.State.HandoffRequested, next.State.PhotosForPerson));
        Assert.Equal(new TimeOnly(10, 0), next.State.Draft.Time);
    }

    [Fact]
    public void APhotoAlone_MidBooking_AsksTheSameQuestionWithoutSayingItDidNotUnderstand()
    {
        var facts = Facts();
        var asked = Hear(Fresh, "quiero un corte", facts);
        Assert.Equal(Expectation.Date, asked.State.Expecting);

        var d = Say(asked.State, Read(asked.State, "", OnePhoto, facts), facts);

        Assert.Equal(2, d.Replies.Count);
        Assert.StartsWith("📸 ¡Gracias por la foto! Una persona del equipo", d.Replies[0]);
        Assert.Equal(Replies.AskDate, d.Replies[1]);
        Assert.DoesNotContain(d.Replies, r => r.Contains("no te entendí", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void APhotoAndThanks_StillFlagsTheConversation()
    {
        var facts = Facts();

        var d = Say(Fresh, Read(Fresh, "gracias!", OnePhoto, facts), facts);

        Assert.Equal((true, 1), (d.State.HandoffRequested, d.State.PhotosForPerson));
    }

    [Fact]
    public void APhotoForAPerson_StaysFlaggedAfterTheBookingIsDone_AndThanks_UntilAttended()
    {
        var facts = Facts(name: "Ana Gómez", email: "ana@example.com");
        var sent = Say(Fresh, Read(Fresh, "¿Pueden hacerme este corte el martes a las 10?", OnePhoto, facts), facts);
        var confirmed = Hear(sent.State, "sí", facts);
        Assert.IsType<TurnEffect.Book>(confirmed.Effect);
        var appointment = new Booking.Appointment("a1", "CODE01", "demo", "corte", "carlos", new Booking.CustomerInfo("Ana Gómez", Fresh.CustomerPhone,
            "ana@example.com"), Utc(Tuesday, 10, 0), Utc(Tuesday, 10, 30), 0, 0, Tuesday, Booking.AppointmentStatus.Booked,
            Booking.AppointmentSource.WhatsApp, null, null, Now, Now);

        var booked = ConversationEngine.Complete(confirmed, new EffectOutcome.Booked(appointment), facts);
        var thanked = Hear(booked.State, "gracias!", facts);

        Assert.Equal((true, 1, Now), (thanked.State.HandoffRequested, thanked.State.PhotosForPerson, thanked.State.HandoffRequestedUtc));
        Assert.Equal(ConversationMode.None, thanked.State.Mode);
        Assert.False(thanked.State.Attended(Now.AddMinutes(5)).HandoffRequested);
        Assert.Equal(0, thanked.State.Attended(Now.AddMinutes(5)).PhotosForPerson);
        Assert.True(thanked.State.Attended(Now.AddMinutes(-5)).HandoffRequested); // attended before this request: still waiting
        Assert.True(thanked.State.Attended(null).HandoffRequested);
    }

    [Fact]
    public void MoreThanTenPhotos_SaysOnlyTheFirstTenWereLookedAt()
    {
        var facts = Facts();
        var u = Read(Fresh, "", new Attachments(Images: 10, ImagesDropped: 2), facts) with { PhotoSummary = "diseños de uñas con flores" };

        var d = Say(Fresh, u, facts);

        Assert.Equal("📸 ¡Gracias por las fotos! Veo diseños de uñas con flores. Solo puedo mirar 10 fotos por mensaje, así que miré las primeras 10.",
            d.Replies[1]);
        Assert.Equal(Replies.Menu, d.Replies[^1]);
    }

    [Fact]
    public void AVoiceNoteAlone_AsksForText_AndOffersTheMenu()
    {
        var facts = Facts();

        var d = Say(Fresh, Read(Fresh, "", new Attachments(Audio: true), facts), facts);

        Assert.Equal(["¡Hola! 👋 Soy Turnos, el asistente de *Peluquería Demo*.", "Por ahora no puedo escuchar audios 🙏 ¿Me lo escribes, por favor?",
            Replies.Menu], d.Replies);
        Assert.False(d.State.HandoffRequested);
    }

    [Fact]
    public void VideoAndAFile_NameBoth()
    {
        var facts = Facts();

        var d = Say(Fresh, Read(Fresh, "hola", new Attachments(Video: true, Files: true), facts), facts);

        Assert.Contains("Por ahora no puedo ver videos ni abrir archivos 🙏 ¿Me lo escribes, por favor?", d.Replies);
    }

    [Fact]
    public void InEnglish_ThePhotoRepliesAreEnglish()
    {
        var facts = Facts();
        var seen = Say(Fresh, Read(Fresh, "can you do this haircut tomorrow?", OnePhoto, facts) with { PhotoSummary = "a short layered bob" }, facts);
        var person = Say(Fresh, Read(Fresh, "can you do this haircut tomorrow?", new Attachments(Images: 3, Audio: true), facts), facts);

        Assert.Equal("📸 Thanks for the photo! I can see a short layered bob.", seen.Replies[1]);
        Assert.Equal("📸 Thanks for the photos! A person from the *Peluquería Demo* team will take a look at them. Meanwhile, let's keep going here.",
            person.Replies[1]);
        Assert.Equal("I can't listen to voice messages yet 🙏 Could you write it to me, please?", person.Replies[2]);
    }
}
