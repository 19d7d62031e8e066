using System.Diagnostics;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Tests.Observability;

/// <summary>Request spans leave the app without phone numbers or addresses in their URLs.</summary>
public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("/api/admin/businesses/demo/customers/+5491155550001", "/api/admin/businesses/demo/customers/***")]
    [InlineData("/api/admin/businesses/demo/customers/%2B5491155550001", "/api/admin/businesses/demo/customers/***")]
    [InlineData("/api/v1/x?email=ana.gomez%40example.com&day=2026-11-24", "/api/v1/x?email=***&day=2026-11-24")]
    [InlineData("/api/admin/businesses/demo/appointments/ABC123", "/api/admin/businesses/demo/appointments/ABC123")]
    public void Redact_MasksPhonesAndAddressesOnly(string url, string expected) => Assert.Equal(expected, UrlRedaction.Redact(url));

    [Fact]
    public void OnEnd_RewritesUrlTagsAndTheName()
    {
        using var activity = new Activity("GET /api/admin/businesses/demo/customers/+5491155550001");
        activity.SetTag("url.path", "/api/admin/businesses/demo/customers/+5491155550001");
        activity.SetTag("http.route", "/api/admin/businesses/{businessId}/customers/{phone}");
        activity.SetTag("http.response.status_code", 200);

        new UrlRedaction().OnEnd(activity);

        Assert.Equal("GET /api/admin/businesses/demo/customers/***", activity.DisplayName);
        Assert.Equal("/api/admin/businesses/demo/customers/***", activity.GetTagItem("url.path"));
        Assert.Equal("/api/admin/businesses/{businessId}/customers/{phone}", activity.GetTagItem("http.route"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }
}
